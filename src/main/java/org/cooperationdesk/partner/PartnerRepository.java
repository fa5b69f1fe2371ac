package org.cooperationdesk.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cooperationdesk.system.ReadOncePerTransaction;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The office's partners as records: every country with its names and channel, the named groups of countries,
 * the organisations and their contacts, and the history of what admins changed. Every request, course and
 * meeting points here by code; names are read here when a page, a form or a mail shows them.
 */
@Repository
public class PartnerRepository {

    private static final String COUNTRY_COLUMNS = """
            select c.code, c.name, c.name_ja, c.channel_kind, c.channel_name, c.channel_email,
                   (select g.name from country_group_member m join country_group g on g.code = m.group_code
                     where m.country_code = c.code and g.kind = 'REGION') as region
              from partner_country c
            """;

    /** Names in the order an English reader looks for them: accents and case do not count first. */
    private static final Collator NAME_ORDER = Collator.getInstance(Locale.ENGLISH);

    private static final RowMapper<Organisation> ORGANISATION = (rs, row) -> new Organisation(rs.getString("code"),
            rs.getString("name"), rs.getString("name_ja"), rs.getString("kind"), rs.getString("email"));

    private final JdbcClient jdbc;
    private final ReadOncePerTransaction<String, Optional<Country>> countriesRead = new ReadOncePerTransaction<>();

    public PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The country with this code, read once per transaction ({@link ReadOncePerTransaction}). */
    public Optional<Country> country(String code) {
        return countriesRead.get(code, this::readCountry);
    }

    private Optional<Country> readCountry(String code) {
        return jdbc.sql(COUNTRY_COLUMNS + " where c.code = ?").param(code).query(PartnerRepository::country).optional();
    }

    /** Every country, in the order of its English name as a reader sorts it (Côte d'Ivoire after Costa Rica). */
    public List<Country> countries() {
        return jdbc.sql(COUNTRY_COLUMNS).query(PartnerRepository::country).list().stream()
                .sorted(Comparator.comparing(Country::name, NAME_ORDER)).toList();
    }

    /** Every country's code and name, by name: what a form offers (no region or channel needed there). */
    public Map<String, String> countryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from partner_country")
                .query((RowCallbackHandler) rs -> names.put(rs.getString(1), rs.getString(2)));
        Map<String, String> sorted = new LinkedHashMap<>();
        names.entrySet().stream().sorted(Map.Entry.comparingByValue(NAME_ORDER))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Every country's code and Japanese name (null where the records name it only in English). */
    public Map<String, String> countryNamesJa() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name_ja from partner_country")
                .query((RowCallbackHandler) rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    /** The country's name as the office writes it, or the code itself for a code the office does not know. */
    public String countryName(String code) {
        return country(code).map(Country::name).orElse(code);
    }

    /** The country's name in a language: its Japanese name in Japanese when the record has one, else as above. */
    public String countryName(String code, org.cooperationdesk.language.Language language) {
        return country(code).map(country -> language == org.cooperationdesk.language.Language.JA
                && country.nameJa() != null && !country.nameJa().isBlank() ? country.nameJa() : country.name()).orElse(code);
    }

    /** The address the office writes to a government (embassy or focal point), if one is recorded. */
    public Optional<String> channelEmail(String countryCode) {
        return country(countryCode).map(Country::channel).map(Country.Channel::email);
    }

    /**
     * The address of the office's mail to a government. A country invited has one (the forms refuse a country
     * without); if an admin removed it since, sending fails and waits in Cockpit until a channel is recorded and the
     * job is retried.
     */
    public String channelAddress(String countryCode) {
        return channelEmail(countryCode).orElseThrow(() -> new IllegalStateException("No channel is recorded for "
                + countryName(countryCode) + " (" + countryCode + "): record its embassy or focal point, then retry"));
    }

    public List<CountryGroup> groups() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("select group_code, country_code from country_group_member order by group_code, country_code")
                .query((RowCallbackHandler) rs -> members.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
                        .add(rs.getString(2)));
        return jdbc.sql("select code, name, name_ja, kind from country_group order by sort_order, name")
                .query((rs, row) -> new CountryGroup(rs.getString("code"), rs.getString("name"), rs.getString("name_ja"),
                        CountryGroup.Kind.valueOf(rs.getString("kind")),
                        List.copyOf(members.getOrDefault(rs.getString("code"), List.of()))))
                .list();
    }

    public Optional<CountryGroup> group(String code) {
        return groups().stream().filter(group -> group.code().equals(code)).findFirst();
    }

    public void updateCountry(Country country, String user, Instant when) {
        countriesRead.forget();
        Country.Channel channel = country.channel();
        jdbc.sql("""
                        update partner_country set name = ?, name_ja = ?, channel_kind = ?, channel_name = ?, channel_email = ?,
                               updated_by = ?, updated_at = ? where code = ?""")
                .params(country.name(), country.nameJa(),
                        channel == null ? null : channel.kind().name(), channel == null ? null : channel.name(),
                        channel == null ? null : channel.email(), user, Timestamp.from(when), country.code())
                .update();
    }

    public Optional<Organisation> organisation(String code) {
        return jdbc.sql("select code, name, name_ja, kind, email from partner_organisation where code = ?")
                .param(code).query(ORGANISATION).optional();
    }

    /** The organisation's name as the office writes it now (a renamed one keeps its code and its records). */
    public String organisationName(String code) {
        return organisation(code).map(Organisation::name).orElse(code);
    }

    /** The organisation's name in a language: its Japanese name in Japanese when the record has one. */
    public String organisationName(String code, org.cooperationdesk.language.Language language) {
        return organisation(code).map(organisation -> language == org.cooperationdesk.language.Language.JA
                && organisation.nameJa() != null && !organisation.nameJa().isBlank() ? organisation.nameJa()
                : organisation.name()).orElse(code);
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select code, name, name_ja, kind, email from partner_organisation order by name")
                .query(ORGANISATION).list();
    }

    public void insertOrganisation(Organisation organisation, String user, Instant when) {
        jdbc.sql("""
                        insert into partner_organisation (code, name, name_ja, kind, email, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisation.code(), organisation.name(), organisation.nameJa(), organisation.kind(),
                        organisation.email(), user, Timestamp.from(when))
                .update();
    }

    public void updateOrganisation(Organisation organisation, String user, Instant when) {
        jdbc.sql("update partner_organisation set name = ?, name_ja = ?, kind = ?, email = ?, updated_by = ?, updated_at = ? where code = ?")
                .params(organisation.name(), organisation.nameJa(), organisation.kind(), organisation.email(), user,
                        Timestamp.from(when), organisation.code())
                .update();
    }

    public List<Contact> contacts(String organisationCode) {
        return jdbc.sql("""
                        select id, organisation_code, full_name, role, email, phone, active from partner_contact
                         where organisation_code = ? order by active desc, full_name""")
                .param(organisationCode).query(Contact.class).list();
    }

    public Optional<Contact> contact(long id) {
        return jdbc.sql("select id, organisation_code, full_name, role, email, phone, active from partner_contact where id = ?")
                .param(id).query(Contact.class).optional();
    }

    public long insertContact(Contact contact, String user, Instant when) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into partner_contact (organisation_code, full_name, role, email, phone, active, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contact.organisationCode(), contact.fullName(), contact.role(), contact.email(), contact.phone(),
                        contact.active(), user, Timestamp.from(when))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void updateContact(Contact contact, String user, Instant when) {
        jdbc.sql("""
                        update partner_contact set full_name = ?, role = ?, email = ?, phone = ?, active = ?,
                               updated_by = ?, updated_at = ? where id = ?""")
                .params(contact.fullName(), contact.role(), contact.email(), contact.phone(), contact.active(), user,
                        Timestamp.from(when), contact.id())
                .update();
    }

    public void recordChange(PartnerChange.Subject subject, String code, PartnerChange change) {
        jdbc.sql("""
                        insert into partner_change (subject_kind, subject_code, field, old_value, new_value, changed_by, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(subject.name(), code, change.field(), change.oldValue(), change.newValue(), change.changedBy(),
                        Timestamp.from(change.changedAt()))
                .update();
    }

    /** What admins changed on a country, organisation or contact, newest first. */
    public List<PartnerChange> history(PartnerChange.Subject subject, String code) {
        return jdbc.sql("""
                        select field, old_value, new_value, changed_by, changed_at from partner_change
                         where subject_kind = ? and subject_code = ? order by changed_at desc, id desc""")
                .params(subject.name(), code)
                .query((rs, row) -> new PartnerChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Country country(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("channel_kind");
        Country.Channel channel = kind == null ? null
                : new Country.Channel(Country.ChannelKind.valueOf(kind), rs.getString("channel_name"), rs.getString("channel_email"));
        return new Country(rs.getString("code"), rs.getString("name"), rs.getString("name_ja"), rs.getString("region"), channel);
    }
}
