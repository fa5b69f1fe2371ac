package org.cooperationdesk.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;

/**
 * Whom one mail of a mail step goes to, before an address is looked up: a government (by country code), a nominee
 * (by nomination id), a delegate (by delegate id) or a plain e-mail address. A multi-instance mail step iterates over
 * recipients written as keys ({@link #key()}, e.g. {@code country:KH}): a process variable holds text, and the key
 * reads back into the same recipient with {@link #parse}.
 */
public record Recipient(Kind kind, String id) {

    public enum Kind {
        /** A government, written to through its focal point. */
        COUNTRY,
        /** A nominee of a training course. */
        NOMINATION,
        /** A member of a meeting delegation. */
        DELEGATE,
        /** An e-mail address as it is. */
        ADDRESS
    }

    public Recipient {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A recipient needs a kind and an id");
        }
    }

    public static Recipient country(String countryCode) {
        return new Recipient(Kind.COUNTRY, countryCode);
    }

    public static Recipient nomination(long nominationId) {
        return new Recipient(Kind.NOMINATION, Long.toString(nominationId));
    }

    public static Recipient delegate(long delegateId) {
        return new Recipient(Kind.DELEGATE, Long.toString(delegateId));
    }

    public static Recipient address(String email) {
        return new Recipient(Kind.ADDRESS, email);
    }

    /** The recipient a key written by {@link #key()} stands for. */
    public static Recipient parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not a recipient: " + key);
        }
        try {
            return new Recipient(Kind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)), key.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a recipient: " + key, e);
        }
    }

    /** The keys of these recipients as a list a multi-instance mail step iterates over. */
    public static ArrayList<String> keys(Collection<Recipient> recipients) {
        return new ArrayList<>(recipients.stream().map(Recipient::key).toList());
    }

    /** The text a process variable holds for this recipient, e.g. {@code country:KH}. */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    /** The record id of a nominee or delegate. */
    public long recordId() {
        if (kind != Kind.NOMINATION && kind != Kind.DELEGATE) {
            throw new IllegalStateException(key() + " has no record id");
        }
        return Long.parseLong(id);
    }

    @Override
    public String toString() {
        return key();
    }
}
