package org.cooperationdesk.partner;

import java.util.List;
import java.util.Locale;

import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The office's partners over HTTP: every signed-in user reads countries, groups, organisations, contacts,
 * currencies and rates; admins add and change them, and each change is kept in the subject's history.
 */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final PartnerRepository partners;
    private final Currencies currencies;
    private final PartnerAdministration administration;
    private final CurrentUser currentUser;

    PartnerController(PartnerRepository partners, Currencies currencies, PartnerAdministration administration,
                      CurrentUser currentUser) {
        this.partners = partners;
        this.currencies = currencies;
        this.administration = administration;
        this.currentUser = currentUser;
    }

    /** Every country, or those whose code or name (English or Japanese) contains {@code q}, or those of a group. */
    @GetMapping("/countries")
    List<Country> countries(@RequestParam(required = false) String q, @RequestParam(required = false) String group) {
        List<String> members = group == null ? null : partners.group(group)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No group of countries with the code " + group))
                .members();
        String needle = q == null ? "" : plain(q);
        return partners.countries().stream()
                .filter(country -> members == null || members.contains(country.code()))
                .filter(country -> needle.isEmpty() || country.code().equalsIgnoreCase(needle)
                        || plain(country.name()).contains(needle)
                        || (country.nameJa() != null && country.nameJa().contains(q.trim())))
                .toList();
    }

    /** Lower case without accents, so that "cote" finds Côte d'Ivoire and "turkiye" Türkiye. */
    private static String plain(String text) {
        return java.text.Normalizer.normalize(text.trim(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    @GetMapping("/countries/{code}")
    Country country(@PathVariable String code) {
        return partners.country(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No country with the code " + code));
    }

    @PutMapping("/countries/{code}")
    Country changeCountry(@PathVariable String code, @RequestBody PartnerAdministration.CountryChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.changeCountry(code, change, currentUser.id());
    }

    @GetMapping("/countries/{code}/history")
    List<PartnerChange> countryHistory(@PathVariable String code) {
        country(code);
        return partners.history(PartnerChange.Subject.COUNTRY, code);
    }

    @GetMapping("/groups")
    List<CountryGroup> groups() {
        return partners.groups();
    }

    @GetMapping("/organisations")
    List<Organisation> organisations() {
        return partners.organisations();
    }

    @GetMapping("/organisations/{code}")
    Organisation organisation(@PathVariable String code) {
        return partners.organisation(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No organisation with the code " + code));
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Organisation addOrganisation(@RequestBody PartnerAdministration.OrganisationChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.addOrganisation(change, currentUser.id());
    }

    @PutMapping("/organisations/{code}")
    Organisation changeOrganisation(@PathVariable String code, @RequestBody PartnerAdministration.OrganisationChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.changeOrganisation(code, change, currentUser.id());
    }

    @GetMapping("/organisations/{code}/history")
    List<PartnerChange> organisationHistory(@PathVariable String code) {
        organisation(code);
        return partners.history(PartnerChange.Subject.ORGANISATION, code);
    }

    @GetMapping("/organisations/{code}/contacts")
    List<Contact> contacts(@PathVariable String code) {
        organisation(code);
        return partners.contacts(code);
    }

    @PostMapping("/organisations/{code}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(@PathVariable String code, @RequestBody PartnerAdministration.ContactChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.addContact(code, change, currentUser.id());
    }

    @PutMapping("/contacts/{id}")
    Contact changeContact(@PathVariable long id, @RequestBody PartnerAdministration.ContactChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.changeContact(id, change, currentUser.id());
    }

    @GetMapping("/contacts/{id}/history")
    List<PartnerChange> contactHistory(@PathVariable long id) {
        partners.contact(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contact with the id " + id));
        return partners.history(PartnerChange.Subject.CONTACT, Long.toString(id));
    }

    @GetMapping("/currencies")
    List<Currencies.Currency> currencies() {
        return currencies.currencies();
    }

    @GetMapping("/currencies/{code}/rates")
    List<ExchangeRate> rates(@PathVariable String code) {
        currencies.currency(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No currency with the ISO 4217 code " + code));
        return currencies.rates(code);
    }

    @PostMapping("/currencies/{code}/rates")
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeRate recordRate(@PathVariable String code, @RequestBody PartnerAdministration.RateChange change) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        return administration.recordRate(code, change, currentUser.id());
    }
}
