package org.cooperationdesk.portal;

import java.time.Instant;

/** A file kept with a partner's answer, as its record's page lists it (without its content). */
public record StoredAttachment(long id, long submissionId, String reference, String subject, String slot, String fileName,
                               String contentType, int sizeBytes, String sha256, Instant createdAt) {

    public String shortChecksum() {
        return sha256.substring(0, 12);
    }

    /** Passport copies show identity documents: only coordinators open them, like the pages' passport numbers. */
    public boolean showsIdentityDocuments() {
        return "passports".equals(slot);
    }
}
