package org.cooperationdesk.letter;

/** A kept letter's bytes no longer match the SHA-256 it was issued with: it is neither attached nor served. */
public class LetterAlteredException extends RuntimeException {

    public LetterAlteredException(long letterId, String fileName) {
        super("Letter " + letterId + " (" + fileName + ") no longer matches the checksum it was issued with");
    }
}
