package org.cooperationdesk.portal;

/**
 * A place for files on a partner's page: its name (the form field's name, and the key of its label
 * {@code portal.slot.<name>} in i18n/portal), what it takes, whether the answer needs one, and whether it takes several.
 * {@code requiredWhen}: the required slot is only required when the answer's field of that name has this value
 * (a note verbale with a delegation named, not with a decline); null: always.
 */
public record AttachmentSlot(String name, AttachmentKind kind, boolean required, boolean multiple, String requiredWhenField,
                             String requiredWhenValue) {

    public static AttachmentSlot required(String name, AttachmentKind kind) {
        return new AttachmentSlot(name, kind, true, false, null, null);
    }

    public static AttachmentSlot optional(String name, AttachmentKind kind, boolean multiple) {
        return new AttachmentSlot(name, kind, false, multiple, null, null);
    }

    /** Required only when the answer's field {@code field} is {@code value}. */
    public AttachmentSlot requiredWhen(String field, String value) {
        return new AttachmentSlot(name, kind, true, multiple, field, value);
    }
}
