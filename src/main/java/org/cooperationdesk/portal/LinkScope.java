package org.cooperationdesk.portal;

import java.util.Objects;

/** What one link opens, and nothing else: one purpose, on one record, for one subject (a country, an expert). */
public record LinkScope(LinkPurpose purpose, String reference, String subject) {

    public LinkScope {
        Objects.requireNonNull(purpose, "purpose");
        if (reference == null || reference.isBlank() || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A link's scope needs a reference and a subject");
        }
    }

    public static LinkScope of(LinkPurpose purpose, String reference, Object subject) {
        return new LinkScope(purpose, reference, String.valueOf(subject));
    }
}
