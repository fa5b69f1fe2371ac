package org.cooperationdesk.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.cooperationdesk.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction reads each country once however often its steps name it; the next transaction reads it again, and a
 * transaction that changes a country reads its change.
 */
class CountriesReadInThisTransactionTest extends ProcessTestSupport {

    @Autowired
    private PartnerRepository partners;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @AfterEach
    void cambodiaAsItWas() {
        jdbc.sql("update partner_country set name = 'Cambodia' where code = 'KH'").update();
    }

    @Test
    void aTransactionReadsACountryOnceAndTheNextReadsItAgain() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            assertThat(partners.countryName("KH")).isEqualTo("Cambodia");
            // Written past the repository: only a second read of the table would see it.
            jdbc.sql("update partner_country set name = 'Kingdom of Cambodia' where code = 'KH'").update();
            assertThat(partners.countryName("KH")).as("read once in this transaction").isEqualTo("Cambodia");
            assertThat(partners.country("KH")).get().extracting(Country::name).isEqualTo("Cambodia");
        });

        assertThat(partners.countryName("KH")).as("the next transaction").isEqualTo("Kingdom of Cambodia");
    }

    @Test
    void aTransactionThatChangesACountryReadsTheChange() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Country cambodia = partners.country("KH").orElseThrow();
            partners.updateCountry(new Country(cambodia.code(), "Kingdom of Cambodia", cambodia.nameJa(), cambodia.region(),
                    cambodia.channel()), "admin", Instant.now());

            assertThat(partners.countryName("KH")).isEqualTo("Kingdom of Cambodia");
        });
    }

    @Test
    void withoutATransactionEveryReadGoesToTheTable() {
        assertThat(partners.countryName("KH")).isEqualTo("Cambodia");
        jdbc.sql("update partner_country set name = 'Kingdom of Cambodia' where code = 'KH'").update();

        assertThat(partners.countryName("KH")).isEqualTo("Kingdom of Cambodia");
    }
}
