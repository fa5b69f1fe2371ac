package org.cooperationdesk.desk;

import java.time.LocalDateTime;

/**
 * A document kept with a record (a letter the office issued), as a record's page lists it: its kind (a message key of
 * i18n/desk), addressee, number (a certificate's), when it was issued, its size and SHA-256, and where to download it.
 * identityDocuments: it shows passport numbers or dates of birth, so only those who see them may download it.
 */
public record RecordDocument(long id, String kindKey, String addressee, String number, LocalDateTime issuedAt,
                             long size, String sha256, String fileName, String link, boolean identityDocuments) {

    /** The size in kilobytes, rounded up: "48". */
    public long kilobytes() {
        return (size + 1023) / 1024;
    }

    /** The first 12 hexadecimal digits of the checksum, enough for a person to compare two copies. */
    public String checksumPrefix() {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
