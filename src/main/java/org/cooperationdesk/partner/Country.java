package org.cooperationdesk.partner;

/**
 * A country of ISO 3166-1 as the office writes it: its short name in English (the UN and ASEAN names the office
 * uses, "Viet Nam", "Lao PDR"), in Japanese, its region, and the channel the office writes to (null until an
 * admin records one).
 */
public record Country(String code, String name, String nameJa, String region, Channel channel) {

    /** Where the office's mail to a government goes: its embassy in Tokyo or its focal point, with a name. */
    public record Channel(ChannelKind kind, String name, String email) {
    }

    public enum ChannelKind {
        EMBASSY, FOCAL_POINT
    }
}
