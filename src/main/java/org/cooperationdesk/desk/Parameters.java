package org.cooperationdesk.desk;

import java.util.Locale;

/** Filters of the address checked before they reach a query: one that makes no sense is a 400 page that names it. */
public final class Parameters {

    private Parameters() {
    }

    /** A country, organisation or group code ("KH", "GLOBAL_FUND"), upper case; null when not given. */
    public static String code(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("[A-Za-z0-9_]{1,20}")) {
            throw DeskRefusal.badRequest("error.badRequest.parameter", parameter, value);
        }
        return value.trim().toUpperCase(Locale.ROOT);
    }

    /** A calendar year (1900 to 2999); null when not given. */
    public static Integer year(Integer value, String parameter) {
        if (value != null && (value < 1900 || value > 2999)) {
            throw DeskRefusal.badRequest("error.badRequest.parameter", parameter, String.valueOf(value));
        }
        return value;
    }
}
