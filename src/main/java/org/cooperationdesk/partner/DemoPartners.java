package org.cooperationdesk.partner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: a channel for every country that has none (a focal point at a demo address, so any country
 * can be invited in the demo and its mail read in the mailbox), a contact at WHO and ILO, and yen rates for the
 * currencies partners use, marked as demo rates. Production starts with none of these: admins record them.
 */
@Component
@Profile("demo")
class DemoPartners {

    static final String DEMO_RATE_SOURCE = "Demo rate, not an official rate";

    /** Yen per unit, roughly the rates of late 2026, for the demo only. */
    private static final Map<String, BigDecimal> DEMO_RATES = Map.of(
            "USD", new BigDecimal("150.00"), "EUR", new BigDecimal("160.00"), "CHF", new BigDecimal("170.00"),
            "GBP", new BigDecimal("190.00"), "XDR", new BigDecimal("200.00"), "THB", new BigDecimal("4.20"));

    private final PartnerRepository partners;
    private final Currencies currencies;
    private final Clock clock;

    DemoPartners(PartnerRepository partners, Currencies currencies, Clock clock) {
        this.partners = partners;
        this.currencies = currencies;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void load() {
        for (Country country : partners.countries()) {
            if (country.channel() == null) {
                partners.updateCountry(new Country(country.code(), country.name(), country.nameJa(), country.region(),
                                new Country.Channel(Country.ChannelKind.FOCAL_POINT, "International cooperation focal point",
                                        "focal-point@" + country.code().toLowerCase(Locale.ROOT) + ".gov.example")),
                        "demo", clock.instant());
            }
        }
        LocalDate rateDate = LocalDate.now(clock).minusDays(30);
        DEMO_RATES.forEach((currency, yen) -> {
            if (currencies.rates(currency).isEmpty()) {
                currencies.record(currency, rateDate, yen, DEMO_RATE_SOURCE, "demo", clock.instant());
            }
        });
        if (partners.contacts("WHO").isEmpty()) {
            partners.insertContact(new Contact(0, "WHO", "Dr. Maria Santos", "GOARN Operational Support Team",
                    "goarn-ops@who.example", null, true), "demo", clock.instant());
        }
        if (partners.contacts("ILO").isEmpty()) {
            partners.insertContact(new Contact(0, "ILO", "Mr. Somchai Prasert", "Regional Office for Asia and the Pacific",
                    "ro-bangkok@ilo.example", null, true), "demo", clock.instant());
        }
    }
}
