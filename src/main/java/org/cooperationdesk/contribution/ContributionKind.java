package org.cooperationdesk.contribution;

/**
 * What the ministry gives, with the OECD DAC aid type (IATI vocabulary 1) it is reported under: an earmarked voluntary
 * contribution and a contribution in kind both go to a programme the organisation manages (B03); a core contribution
 * to the organisation's budget is B02.
 */
public enum ContributionKind {
    EARMARKED("B03", "earmarked voluntary contribution"),
    CORE("B02", "core contribution"),
    IN_KIND("B03", "contribution in kind");

    private final String aidType;
    private final String description;

    ContributionKind(String aidType, String description) {
        this.aidType = aidType;
        this.description = description;
    }

    public String aidType() {
        return aidType;
    }

    public String description() {
        return description;
    }
}
