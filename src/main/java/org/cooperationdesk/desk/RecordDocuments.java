package org.cooperationdesk.desk;

import java.util.List;

/**
 * The documents kept with the office's records, for their pages: those of a request, course or meeting (by its
 * reference) and those addressed to a person. The letter package keeps them.
 */
public interface RecordDocuments {

    /** The documents of the record with this reference, oldest first. */
    List<RecordDocument> ofRecord(String reference);

    /** The documents addressed to this person, oldest first. */
    List<RecordDocument> ofPerson(long personId);
}
