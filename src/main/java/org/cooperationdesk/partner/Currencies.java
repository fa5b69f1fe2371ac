package org.cooperationdesk.partner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The currencies of ISO 4217 and the yen rates the office records. An amount's yen value is taken at the latest
 * rate recorded on or before the day it is counted; there is no rate for yen itself.
 */
@Repository
public class Currencies {

    /** A currency as ISO 4217 lists it, with the decimals it is written with. */
    public record Currency(String code, String name, int minorUnits) {
    }

    /** Mapped by hand: a form fetch reads every currency, and the reflective record mapper costs ten times more. */
    private static final RowMapper<Currency> CURRENCY = (rs, row) ->
            new Currency(rs.getString("code"), rs.getString("name"), rs.getInt("minor_units"));

    private static final RowMapper<ExchangeRate> RATE = (rs, row) -> new ExchangeRate(rs.getLong("id"), rs.getString("currency"),
            rs.getObject("rate_date", java.time.LocalDate.class), rs.getBigDecimal("yen_per_unit"), rs.getString("source"),
            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcClient jdbc;

    public Currencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Currency> currencies() {
        return jdbc.sql("select code, name, minor_units from currency order by code").query(CURRENCY).list();
    }

    public Optional<Currency> currency(String code) {
        return jdbc.sql("select code, name, minor_units from currency where code = ?").param(code).query(CURRENCY).optional();
    }

    /** The currencies the office has recorded a yen rate for (the ones an amount can be entered in, besides yen). */
    public java.util.Set<String> withRates() {
        return new java.util.HashSet<>(jdbc.sql("select distinct currency from exchange_rate").query(String.class).list());
    }

    public List<ExchangeRate> rates(String currency) {
        return jdbc.sql("""
                        select id, currency, rate_date, yen_per_unit, source, recorded_by, recorded_at from exchange_rate
                         where currency = ? order by rate_date desc""")
                .param(currency).query(RATE).list();
    }

    /** The rate for the currency on the day: the latest one recorded on or before it. */
    public Optional<ExchangeRate> rateOn(String currency, LocalDate day) {
        return jdbc.sql("""
                        select id, currency, rate_date, yen_per_unit, source, recorded_by, recorded_at from exchange_rate
                         where currency = ? and rate_date <= ? order by rate_date desc fetch first 1 rows only""")
                .params(currency, day).query(RATE).optional();
    }

    /** An amount's yen value as a record keeps it: the yen and the id of the rate it was counted at (null for yen). */
    public YenValue stored(Money money, BigDecimal yen, Long rateId) {
        ExchangeRate rate = rateId == null ? null : jdbc.sql("""
                        select id, currency, rate_date, yen_per_unit, source, recorded_by, recorded_at from exchange_rate
                         where id = ?""")
                .param(rateId).query(RATE).single();
        return new YenValue(money, yen, rate);
    }

    /** The amount in whole yen on the day, or empty when no rate for its currency is recorded by then. */
    public Optional<YenValue> yenValue(Money money, LocalDate day) {
        if (Money.YEN.equals(money.currency())) {
            return Optional.of(new YenValue(money, money.amount().setScale(0, RoundingMode.HALF_UP), null));
        }
        return rateOn(money.currency(), day).map(rate -> new YenValue(money,
                money.amount().multiply(rate.yenPerUnit()).setScale(0, RoundingMode.HALF_UP), rate));
    }

    /** Records a rate. One rate per currency and day: amounts point to the rate they were counted at, so it never changes. */
    public ExchangeRate record(String currency, LocalDate day, BigDecimal yenPerUnit, String source, String user, Instant when) {
        jdbc.sql("""
                        insert into exchange_rate (currency, rate_date, yen_per_unit, source, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(currency, day, yenPerUnit, source, user, Timestamp.from(when))
                .update();
        return rates(currency).stream().filter(rate -> rate.rateDate().equals(day)).findFirst().orElseThrow();
    }
}
