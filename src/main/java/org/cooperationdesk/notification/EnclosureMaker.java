package org.cooperationdesk.notification;

/**
 * Makes the file of an {@link Enclosure} once and keeps it: asked again under the same mail step key and position
 * (a retried step), it gives the file it made then, byte for byte. Throws when the file cannot be made or the one
 * kept is no longer what was made; the mail step then fails and is retried.
 */
public interface EnclosureMaker {

    /**
     * @param idempotencyKey the mail step's key ({@link NotificationService#send})
     * @param position       which of the mail's enclosures, from 1
     */
    EnclosedFile make(Enclosure enclosure, String idempotencyKey, int position);
}
