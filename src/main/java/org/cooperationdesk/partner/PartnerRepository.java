package org.cooperationdesk.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner countries and organisations: reference data every request, course and meeting points to. */
@Repository
public class PartnerRepository {

    public record Country(String code, String name, String region) {
    }

    public record Organisation(String code, String name, String kind) {
    }

    private final JdbcClient jdbc;

    public PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Country> country(String code) {
        return jdbc.sql("select code, name, region from partner_country where code = ?")
                .param(code).query(Country.class).optional();
    }

    public Optional<Organisation> organisation(String code) {
        return jdbc.sql("select code, name, kind from partner_organisation where code = ?")
                .param(code).query(Organisation.class).optional();
    }

    /** The government's focal point for cooperation programmes (embassy or ministry), for mail. */
    public String focalPoint(String countryCode) {
        return jdbc.sql("select focal_point_email from partner_country where code = ?")
                .param(countryCode).query(String.class).single();
    }

    public List<Country> countries() {
        return jdbc.sql("select code, name, region from partner_country order by name").query(Country.class).list();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select code, name, kind from partner_organisation order by name").query(Organisation.class).list();
    }
}
