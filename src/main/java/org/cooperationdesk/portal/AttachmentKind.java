package org.cooperationdesk.portal;

import java.util.Set;

/** What a partner may attach, and the file types each accepts (told from the content, never from the name). */
public enum AttachmentKind {
    /** The official letter or note verbale that goes with a government's answer. */
    OFFICIAL_LETTER(Set.of(FileType.PDF)),
    /** A copy of a passport's data page. */
    PASSPORT_COPY(Set.of(FileType.PDF, FileType.JPEG, FileType.PNG)),
    /** A report as a document. */
    REPORT(Set.of(FileType.PDF));

    private final Set<FileType> accepted;

    AttachmentKind(Set<FileType> accepted) {
        this.accepted = accepted;
    }

    public Set<FileType> accepted() {
        return accepted;
    }

    /** The types a file may be, as its content shows. */
    public enum FileType {
        PDF("application/pdf", "PDF"), JPEG("image/jpeg", "JPEG"), PNG("image/png", "PNG");

        private final String contentType;
        private final String displayName;

        FileType(String contentType, String displayName) {
            this.contentType = contentType;
            this.displayName = displayName;
        }

        public String contentType() {
            return contentType;
        }

        public String displayName() {
            return displayName;
        }

        /** The type the content is, by its first bytes; null when it is none of these. */
        public static FileType of(byte[] content) {
            if (startsWith(content, new byte[]{'%', 'P', 'D', 'F', '-'})) {
                return PDF;
            }
            if (startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
                return PNG;
            }
            if (startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
                return JPEG;
            }
            return null;
        }

        private static boolean startsWith(byte[] content, byte[] prefix) {
            if (content == null || content.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (content[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
