package org.cooperationdesk.notification;

/**
 * A document a mail carries, as its composer asks for it (a letter, see the letter package). The mail step has it made
 * by the {@link EnclosureMaker} under the step's idempotency key before the mail goes out, so that every attempt of
 * the step carries the very same file.
 */
public interface Enclosure {

    /** The name of the attached file, e.g. {@code MT-2026-0003-note-verbale-KH.pdf}. */
    String fileName();

    /** What it is, for a log line or an incident: "note verbale to the Government of Viet Nam". */
    String description();
}
