package org.cooperationdesk.partner;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.desk.Criteria;
import org.cooperationdesk.desk.LocalName;
import org.cooperationdesk.desk.ResultPage;
import org.cooperationdesk.desk.SortOrder;
import org.cooperationdesk.desk.Sorting;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The office's pages of partners: countries with the channel the office writes to, organisations with their
 * contacts, searched, filtered, sorted and paged in the database; and the names other pages show for a code.
 */
@Repository
public class PartnerSearch {

    /** channel: null until an admin records one. */
    public record CountryRow(String code, LocalName name, LocalName region, Country.Channel channel) {
    }

    public record OrganisationRow(String code, LocalName name, String kind, String email, int activeContacts) {
    }

    /** group: the countries of a group or region (ASEAN, Africa); channel: "none" or a channel kind. */
    public record CountryFilter(String text, String group, String channel) {
    }

    public record OrganisationFilter(String text, String kind) {
    }

    /** What the office's records hold about a country or an organisation, for the links to those lists. */
    public record Activity(long requests, long courses, long meetings, long contributions) {
    }

    public static final String NO_CHANNEL = "none";

    public static final Sorting COUNTRY_SORTING = Sorting.of("c.code asc", "name", false,
            "code", "c.code",
            "name", "c.name",
            "region", "region_name",
            "channel", "c.channel_kind");

    public static final Sorting ORGANISATION_SORTING = Sorting.of("o.code asc", "name", false,
            "code", "o.code",
            "name", "o.name",
            "kind", "o.kind");

    private static final String REGION = """
            (select g.%s from country_group_member m join country_group g on g.code = m.group_code
              where m.country_code = c.code and g.kind = 'REGION')""";

    private static final RowMapper<CountryRow> COUNTRY = (rs, row) -> {
        String kind = rs.getString("channel_kind");
        return new CountryRow(rs.getString("code"), new LocalName(rs.getString("code"), rs.getString("name"),
                rs.getString("name_ja")), new LocalName(null, rs.getString("region_name"), rs.getString("region_name_ja")),
                kind == null ? null : new Country.Channel(Country.ChannelKind.valueOf(kind), rs.getString("channel_name"),
                        rs.getString("channel_email")));
    };

    private static final RowMapper<OrganisationRow> ORGANISATION = (rs, row) -> new OrganisationRow(rs.getString("code"),
            new LocalName(rs.getString("code"), rs.getString("name"), rs.getString("name_ja")), rs.getString("kind"),
            rs.getString("email"), rs.getInt("active_contacts"));

    private final JdbcClient jdbc;

    public PartnerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<CountryRow> countries(CountryFilter filter, SortOrder order, int page) {
        Criteria where = new Criteria()
                .text(filter.text(), "c.code", "c.name", "c.name_ja", "c.channel_email")
                .when(filter.group(), "c.code in (select m.country_code from country_group_member m where m.group_code = :group)",
                        "group")
                .when(NO_CHANNEL.equals(filter.channel()), "c.channel_kind is null")
                .when(NO_CHANNEL.equals(filter.channel()) ? null : filter.channel(), "c.channel_kind = :channel", "channel");
        String from = " from partner_country c" + where.sql();
        long total = jdbc.sql("select count(*)" + from).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<CountryRow> rows = jdbc.sql("select c.code, c.name, c.name_ja, c.channel_kind, c.channel_name, c.channel_email, "
                        + REGION.formatted("name") + " as region_name, " + REGION.formatted("name_ja") + " as region_name_ja"
                        + from + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).query(COUNTRY).list();
        return new ResultPage<>(rows, total, page);
    }

    public ResultPage<OrganisationRow> organisations(OrganisationFilter filter, SortOrder order, int page) {
        Criteria where = new Criteria()
                .text(filter.text(), "o.code", "o.name", "o.name_ja", "o.email")
                .when(filter.kind(), "o.kind = :kind", "kind");
        String from = " from partner_organisation o" + where.sql();
        long total = jdbc.sql("select count(*)" + from).params(where.parameters()).query(Long.class).single();
        if (total <= ResultPage.offset(page)) {
            return new ResultPage<>(List.of(), total, page);
        }
        List<OrganisationRow> rows = jdbc.sql("""
                        select o.code, o.name, o.name_ja, o.kind, o.email,
                               (select count(*) from partner_contact k where k.organisation_code = o.code and k.active)
                                 as active_contacts""" + from + order.sql() + ResultPage.SLICE)
                .params(where.parameters(page)).query(ORGANISATION).list();
        return new ResultPage<>(rows, total, page);
    }

    /** The groups and regions of countries, for the filter. */
    public List<LocalName> groups() {
        return jdbc.sql("select code, name, name_ja from country_group order by sort_order, name")
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The kinds of organisation the office records ("UN agency"), for the filter. */
    public List<String> organisationKinds() {
        return jdbc.sql("select distinct kind from partner_organisation order by kind").query(String.class).list();
    }

    /** The country's names; for a code the office does not know, the code itself. */
    public LocalName countryName(String code) {
        return jdbc.sql("select code, name, name_ja from partner_country where code = ?").param(code)
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(new LocalName(code, code, null));
    }

    public LocalName organisationName(String code) {
        return jdbc.sql("select code, name, name_ja from partner_organisation where code = ?").param(code)
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(new LocalName(code, code, null));
    }

    public LocalName groupName(String code) {
        return jdbc.sql("select code, name, name_ja from country_group where code = ?").param(code)
                .query((rs, row) -> new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElse(new LocalName(code, code, null));
    }

    /** Every country's names by code, for a page that shows many (a meeting's invitations). */
    public Map<String, LocalName> countryNames(Collection<String> codes) {
        Map<String, LocalName> names = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select code, name, name_ja from partner_country where code in (:codes)").param("codes", codes)
                    .query((RowCallbackHandler) rs -> names.put(rs.getString(1),
                            new LocalName(rs.getString(1), rs.getString(2), rs.getString(3))));
        }
        return names;
    }

    /** The requests for, courses and meetings inviting, and contributions to the country. */
    public Activity countryActivity(String code) {
        return jdbc.sql("""
                        select (select count(*) from dispatch_request where country_code = :code),
                               (select count(*) from course_invitation where country_code = :code),
                               (select count(*) from meeting_invitation where country_code = :code),
                               (select count(*) from contribution_recipient where country_code = :code)""")
                .param("code", code)
                .query((rs, row) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** The requests the organisation made and the contributions through it. */
    public Activity organisationActivity(String code) {
        return jdbc.sql("""
                        select (select count(*) from dispatch_request where requesting_body = :code),
                               (select count(*) from contribution where organisation_code = :code)""")
                .param("code", code)
                .query((rs, row) -> new Activity(rs.getLong(1), 0, 0, rs.getLong(2))).single();
    }
}
