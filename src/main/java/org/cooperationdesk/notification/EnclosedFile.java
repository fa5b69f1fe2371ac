package org.cooperationdesk.notification;

/** A file a mail carries, as it was made and kept. */
public record EnclosedFile(String fileName, String contentType, byte[] content) {

    public EnclosedFile {
        if (fileName == null || fileName.isBlank() || contentType == null || content == null) {
            throw new IllegalArgumentException("An enclosed file needs a name, a content type and its content");
        }
    }
}
