package org.cooperationdesk.partner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.cooperationdesk.form.FieldError;
import org.cooperationdesk.form.FormSubmission;
import org.cooperationdesk.form.InvalidSubmissionException;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an admin changes in the office's partners: a country's names and channel, organisations, their contacts,
 * and the exchange rates. Each change is checked (a 400 naming the field, and nothing changed) and every field
 * that changed is written to the history with who and when.
 */
@Service
public class PartnerAdministration {

    /** What an admin sends to change a country: its names and its channel (null: no channel recorded). */
    public record CountryChange(String name, String nameJa, Country.Channel channel) {
    }

    public record OrganisationChange(String code, String name, String nameJa, String kind, String email) {
    }

    public record ContactChange(String fullName, String role, String email, String phone, Boolean active) {
    }

    public record RateChange(LocalDate date, BigDecimal yenPerUnit, String source) {
    }

    private static final Pattern ORGANISATION_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    private final PartnerRepository partners;
    private final Currencies currencies;
    private final Clock clock;

    public PartnerAdministration(PartnerRepository partners, Currencies currencies, Clock clock) {
        this.partners = partners;
        this.currencies = currencies;
        this.clock = clock;
    }

    @Transactional
    public Country changeCountry(String code, CountryChange change, String user) {
        Country before = partners.country(code).orElseThrow(() -> notFound("No country with the code " + code));
        Checks checks = new Checks();
        checks.text("name", "Name", change.name(), true, 100);
        checks.text("nameJa", "Japanese name", change.nameJa(), true, 100);
        Country.Channel channel = change.channel();
        if (channel != null) {
            checks.present("channel.kind", "Channel", channel.kind());
            checks.text("channel.name", "Channel name", channel.name(), true, 200);
            checks.email("channel.email", "Channel e-mail", channel.email(), true);
        }
        checks.throwIfAny();
        Country.Channel trimmed = channel == null ? null
                : new Country.Channel(channel.kind(), channel.name().trim(), channel.email().trim());
        Country after = new Country(code, change.name().trim(), change.nameJa().trim(), before.region(), trimmed);
        Instant now = clock.instant();
        History history = new History(PartnerChange.Subject.COUNTRY, code, user, now);
        history.compare("name", before.name(), after.name());
        history.compare("nameJa", before.nameJa(), after.nameJa());
        history.compare("channel.kind", kind(before.channel()), kind(after.channel()));
        history.compare("channel.name", before.channel() == null ? null : before.channel().name(), trimmed == null ? null : trimmed.name());
        history.compare("channel.email", before.channel() == null ? null : before.channel().email(), trimmed == null ? null : trimmed.email());
        if (history.any()) {
            partners.updateCountry(after, user, now);
            history.write();
        }
        return partners.country(code).orElseThrow();
    }

    @Transactional
    public Organisation addOrganisation(OrganisationChange change, String user) {
        Checks checks = new Checks();
        if (checks.text("code", "Code", change.code(), true, 20) && !ORGANISATION_CODE.matcher(change.code().trim()).matches()) {
            checks.refuse("code", "Code", "partner.organisationCode.format");
        } else if (change.code() != null && partners.organisation(change.code().trim()).isPresent()) {
            checks.refuse("code", "Code", "partner.organisationCode.taken", partners.organisationName(change.code().trim()));
        }
        Organisation organisation = checkedOrganisation(change.code(), change, checks);
        Instant now = clock.instant();
        partners.insertOrganisation(organisation, user, now);
        History history = new History(PartnerChange.Subject.ORGANISATION, organisation.code(), user, now);
        history.compare("name", null, organisation.name());
        history.compare("nameJa", null, organisation.nameJa());
        history.compare("kind", null, organisation.kind());
        history.compare("email", null, organisation.email());
        history.write();
        return organisation;
    }

    @Transactional
    public Organisation changeOrganisation(String code, OrganisationChange change, String user) {
        Organisation before = partners.organisation(code).orElseThrow(() -> notFound("No organisation with the code " + code));
        if (change.code() != null && !change.code().equals(code)) {
            throw new InvalidSubmissionException(List.of(new FieldError("code", "Code",
                    ValidationMessages.render("partner.organisationCode.fixed", code))));
        }
        Organisation after = checkedOrganisation(code, change, new Checks());
        Instant now = clock.instant();
        History history = new History(PartnerChange.Subject.ORGANISATION, code, user, now);
        history.compare("name", before.name(), after.name());
        history.compare("nameJa", before.nameJa(), after.nameJa());
        history.compare("kind", before.kind(), after.kind());
        history.compare("email", before.email(), after.email());
        if (history.any()) {
            partners.updateOrganisation(after, user, now);
            history.write();
        }
        return after;
    }

    @Transactional
    public Contact addContact(String organisationCode, ContactChange change, String user) {
        partners.organisation(organisationCode).orElseThrow(() -> notFound("No organisation with the code " + organisationCode));
        Contact contact = checkedContact(0, organisationCode, change, true);
        Instant now = clock.instant();
        long id = partners.insertContact(contact, user, now);
        History history = new History(PartnerChange.Subject.CONTACT, Long.toString(id), user, now);
        history.compare("fullName", null, contact.fullName());
        history.compare("role", null, contact.role());
        history.compare("email", null, contact.email());
        history.compare("phone", null, contact.phone());
        history.write();
        return partners.contact(id).orElseThrow();
    }

    @Transactional
    public Contact changeContact(long id, ContactChange change, String user) {
        Contact before = partners.contact(id).orElseThrow(() -> notFound("No contact with the id " + id));
        Contact after = checkedContact(id, before.organisationCode(), change, before.active());
        Instant now = clock.instant();
        History history = new History(PartnerChange.Subject.CONTACT, Long.toString(id), user, now);
        history.compare("fullName", before.fullName(), after.fullName());
        history.compare("role", before.role(), after.role());
        history.compare("email", before.email(), after.email());
        history.compare("phone", before.phone(), after.phone());
        history.compare("active", Boolean.toString(before.active()), Boolean.toString(after.active()));
        if (history.any()) {
            partners.updateContact(after, user, now);
            history.write();
        }
        return after;
    }

    @Transactional
    public ExchangeRate recordRate(String currency, RateChange change, String user) {
        if (currencies.currency(currency).isEmpty()) {
            throw notFound("No currency with the ISO 4217 code " + currency);
        }
        Checks checks = new Checks();
        if (Money.YEN.equals(currency)) {
            checks.refuse("currency", "Currency", "partner.rate.yen");
        }
        checks.present("date", "Date", change.date());
        if (change.date() != null && change.date().isAfter(LocalDate.now(clock))) {
            checks.refuse("date", "Date", "partner.rate.future");
        }
        if (checks.present("yenPerUnit", "Yen per unit", change.yenPerUnit()) && change.yenPerUnit().signum() <= 0) {
            checks.refuse("yenPerUnit", "Yen per unit", "number.positive");
        }
        checks.text("source", "Source", change.source(), true, 200);
        checks.throwIfAny();
        currencies.rates(currency).stream().filter(rate -> rate.rateDate().equals(change.date())).findFirst()
                .ifPresent(rate -> {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "A rate for " + currency + " on " + change.date()
                            + " is already recorded (" + rate.yenPerUnit().toPlainString() + " yen, " + rate.source()
                            + "); amounts counted at it keep it, so record the next rate under its own date");
                });
        return currencies.record(currency, change.date(), change.yenPerUnit(), change.source().trim(), user, clock.instant());
    }

    private Organisation checkedOrganisation(String code, OrganisationChange change, Checks checks) {
        checks.text("name", "Name", change.name(), true, 150);
        checks.text("nameJa", "Japanese name", change.nameJa(), false, 150);
        checks.text("kind", "Kind", change.kind(), true, 40);
        checks.email("email", "E-mail", change.email(), false);
        checks.throwIfAny();
        return new Organisation(code.trim(), change.name().trim(), blankToNull(change.nameJa()), change.kind().trim(),
                blankToNull(change.email()));
    }

    private static Contact checkedContact(long id, String organisationCode, ContactChange change, boolean activeBefore) {
        Checks checks = new Checks();
        checks.text("fullName", "Full name", change.fullName(), true, 150);
        checks.text("role", "Role", change.role(), false, 150);
        checks.email("email", "E-mail", change.email(), true);
        checks.text("phone", "Phone", change.phone(), false, 40);
        checks.throwIfAny();
        return new Contact(id, organisationCode, change.fullName().trim(), blankToNull(change.role()), change.email().trim(),
                blankToNull(change.phone()), change.active() == null ? activeBefore : change.active());
    }

    private static String kind(Country.Channel channel) {
        return channel == null ? null : channel.kind().name();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }

    /** The fields at fault in one request, all reported at once. */
    private static final class Checks {

        private final List<FieldError> errors = new ArrayList<>();

        boolean text(String field, String label, String value, boolean required, int maxLength) {
            if (value == null || value.isBlank()) {
                if (required) {
                    refuse(field, label, "required");
                }
                return false;
            }
            if (value.trim().length() > maxLength) {
                refuse(field, label, "text.atMost", maxLength);
                return false;
            }
            return true;
        }

        boolean present(String field, String label, Object value) {
            if (value == null) {
                refuse(field, label, "required");
                return false;
            }
            return true;
        }

        void email(String field, String label, String value, boolean required) {
            if (text(field, label, value, required, 200) && !FormSubmission.EMAIL.matcher(value.trim()).matches()) {
                refuse(field, label, "email");
            }
        }

        /** The message {@code key} of {@code i18n/validation} in the request's language. */
        void refuse(String field, String label, String key, Object... arguments) {
            errors.add(new FieldError(field, label, ValidationMessages.render(key, arguments)));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidSubmissionException(errors);
            }
        }
    }

    /** The fields of one change that differ, written to the history together. */
    private final class History {

        private final PartnerChange.Subject subject;
        private final String code;
        private final String user;
        private final Instant when;
        private final List<PartnerChange> changes = new ArrayList<>();

        History(PartnerChange.Subject subject, String code, String user, Instant when) {
            this.subject = subject;
            this.code = code;
            this.user = user;
            this.when = when;
        }

        void compare(String field, String before, String after) {
            if (!Objects.equals(before, after)) {
                changes.add(new PartnerChange(field, before, after, user, when));
            }
        }

        boolean any() {
            return !changes.isEmpty();
        }

        void write() {
            changes.forEach(change -> partners.recordChange(subject, code, change));
        }
    }
}
