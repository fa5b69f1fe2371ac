package org.cooperationdesk.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a partner's page shows and asks, built by the room of the link's purpose ({@link PortalTarget#page}).
 *
 * @param title     what the page is about ("Delegation of Cambodia: 6th ASEAN and Japan High Level Officials Meeting")
 * @param facts     what is asked, label → value, in the page's language (dates already written as the language writes them)
 * @param deadline  the date the answer is due, or null
 * @param formId    the Camunda Form whose fields the partner fills in (the coordinator's form, its rules and messages),
 *                  or null when nothing is asked now (then {@code closedKey} says why)
 * @param fields    the form's fields shown to the partner, in the form's order; empty: every editable field
 * @param context   values the form's rules read that the partner does not enter (the meeting's id, the course's id)
 * @param fixed     values set for the partner, added to the answer (never taken from the request)
 * @param prefill   what the fields show at first (a returned answer's values, to be corrected)
 * @param slots     the files the page takes
 * @param notices   message keys of i18n/portal shown above the form, with their arguments (a returned answer's reason)
 * @param sent      what was already sent through the link, newest first
 * @param sentNames what each answer sent is about, by its id, where a link takes several (a nominee's name); may be empty
 * @param sentNameKey the message key of i18n/portal that heads those names ("Nominee"), or null
 * @param closedKey the message key that says why nothing is asked now (under review, accepted, no longer awaited)
 */
public record PortalPage(String title, Map<String, String> facts, LocalDate deadline, String formId, List<String> fields,
                         Map<String, Object> context, Map<String, Object> fixed, Map<String, Object> prefill,
                         List<AttachmentSlot> slots, List<Notice> notices, List<PartnerSubmission> sent,
                         Map<Long, String> sentNames, String sentNameKey, String closedKey) {

    /** A line above the form: a message key of i18n/portal and its arguments. */
    public record Notice(String key, List<Object> arguments) {
    }

    public boolean asks() {
        return formId != null;
    }

    /** A page that asks for the form's answer. */
    public static Builder asking(String title, String formId) {
        return new Builder(title, formId);
    }

    /** A page that shows where things stand and asks nothing now. */
    public static Builder closed(String title, String closedKey) {
        Builder builder = new Builder(title, null);
        builder.closedKey = closedKey;
        return builder;
    }

    public static final class Builder {
        private final String title;
        private final String formId;
        private final Map<String, String> facts = new LinkedHashMap<>();
        private LocalDate deadline;
        private final List<String> fields = new ArrayList<>();
        private final Map<String, Object> context = new LinkedHashMap<>();
        private final Map<String, Object> fixed = new LinkedHashMap<>();
        private final Map<String, Object> prefill = new LinkedHashMap<>();
        private final List<AttachmentSlot> slots = new ArrayList<>();
        private final List<Notice> notices = new ArrayList<>();
        private final List<PartnerSubmission> sent = new ArrayList<>();
        private final Map<Long, String> sentNames = new LinkedHashMap<>();
        private String sentNameKey;
        private String closedKey;

        private Builder(String title, String formId) {
            this.title = title;
            this.formId = formId;
        }

        public Builder fact(String label, Object value) {
            facts.put(label, value == null ? "" : value.toString());
            return this;
        }

        public Builder deadline(LocalDate date) {
            this.deadline = date;
            return this;
        }

        public Builder fields(String... keys) {
            fields.addAll(List.of(keys));
            return this;
        }

        public Builder context(String key, Object value) {
            context.put(key, value);
            return this;
        }

        public Builder fixed(String key, Object value) {
            fixed.put(key, value);
            return this;
        }

        public Builder prefill(Map<String, Object> values) {
            prefill.putAll(values);
            return this;
        }

        public Builder slot(AttachmentSlot slot) {
            slots.add(slot);
            return this;
        }

        public Builder notice(String key, Object... arguments) {
            notices.add(new Notice(key, List.of(arguments)));
            return this;
        }

        public Builder sent(List<PartnerSubmission> submissions) {
            sent.addAll(submissions);
            return this;
        }

        /** What was sent where a link takes several answers, each named ({@code nameKey}: the column's heading). */
        public Builder sent(List<PartnerSubmission> submissions, String nameKey, java.util.function.Function<PartnerSubmission, String> naming) {
            sent(submissions);
            submissions.forEach(submission -> sentNames.put(submission.id(), naming.apply(submission)));
            sentNameKey = nameKey;
            return this;
        }

        public PortalPage build() {
            return new PortalPage(title, Map.copyOf(facts).isEmpty() ? Map.of() : new LinkedHashMap<>(facts), deadline, formId,
                    List.copyOf(fields), new LinkedHashMap<>(context), new LinkedHashMap<>(fixed), new LinkedHashMap<>(prefill),
                    List.copyOf(slots), List.copyOf(notices), List.copyOf(sent), new LinkedHashMap<>(sentNames), sentNameKey,
                    closedKey);
        }
    }
}
