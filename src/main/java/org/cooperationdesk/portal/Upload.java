package org.cooperationdesk.portal;

/** A file a partner sent with an answer, as it arrived: the slot it was sent in, its name, its bytes. */
public record Upload(String slot, String fileName, byte[] content) {
}
