package org.cooperationdesk.partner;

import java.util.List;

import org.cooperationdesk.form.FormOptionSource;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partners' records as options of the forms ({@code "properties": {"options": "countries"}} and the like):
 * a country, organisation or currency an admin adds appears in every form that offers them, start forms included.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFormOptions {

    @Bean
    FormOptionSource countryOptions(PartnerRepository partners) {
        return source("countries", () -> partners.countryNames().entrySet().stream()
                        .map(country -> new FormOptionSource.FormOption(country.getKey(), country.getValue())).toList(),
                "option.unknown.country");
    }

    @Bean
    FormOptionSource countryGroupOptions(PartnerRepository partners) {
        return source("countryGroups", () -> partners.groups().stream()
                        .map(group -> new FormOptionSource.FormOption(group.code(),
                                group.name() + " (" + group.members().size()
                                        + (group.kind() == CountryGroup.Kind.REGION ? " countries and territories)" : " countries)")))
                        .toList(),
                "option.unknown.countryGroup");
    }

    @Bean
    FormOptionSource organisationOptions(PartnerRepository partners) {
        return source("organisations", () -> partners.organisations().stream()
                        .map(organisation -> new FormOptionSource.FormOption(organisation.code(), organisation.name())).toList(),
                "option.unknown.organisation");
    }

    /** Yen first, then the currencies with a yen rate recorded, then the others, marked: an amount in those is refused. */
    @Bean
    FormOptionSource currencyOptions(Currencies currencies) {
        return source("currencies", () -> {
                    java.util.Set<String> withRates = currencies.withRates();
                    return currencies.currencies().stream()
                            .sorted(java.util.Comparator.comparing((Currencies.Currency currency) -> !Money.YEN.equals(currency.code()))
                                    .thenComparing(currency -> !withRates.contains(currency.code())))
                            .map(currency -> new FormOptionSource.FormOption(currency.code(), currency.code() + ": " + currency.name()
                                    + (Money.YEN.equals(currency.code()) || withRates.contains(currency.code()) ? "" : " (no yen rate yet)")))
                            .toList();
                },
                "option.unknown.currency");
    }

    private static FormOptionSource source(String name, java.util.function.Supplier<List<FormOptionSource.FormOption>> options,
                                           String unknownKey) {
        return new FormOptionSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<FormOption> options() {
                return options.get();
            }

            @Override
            public String unknown(String value) {
                return ValidationMessages.render(unknownKey, value.length() > 40 ? value.substring(0, 40) + "..." : value);
            }
        };
    }
}
