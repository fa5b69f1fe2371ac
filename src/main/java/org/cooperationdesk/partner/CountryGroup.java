package org.cooperationdesk.partner;

import java.util.List;

/** A named group of countries the office invites at once (ASEAN, ASEAN+3) or a region of the world. */
public record CountryGroup(String code, String name, String nameJa, Kind kind, List<String> members) {

    public enum Kind {
        GROUPING, REGION
    }
}
