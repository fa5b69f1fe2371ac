package org.cooperationdesk.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.cooperationdesk.form.FormOptionSource;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partners' records as options of the forms ({@code "properties": {"options": "countries"}} and the like):
 * a country, organisation or currency an admin adds appears in every form that offers them, start forms included.
 * In Japanese a form shows the records' Japanese names (a country without one: Java's Japanese name for its code)
 * and the currencies' Japanese names; the values stay the codes.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFormOptions {

    @Bean
    FormOptionSource countryOptions(PartnerRepository partners) {
        return source("countries", () -> partners.countryNames().entrySet().stream()
                        .map(country -> new FormOptionSource.FormOption(country.getKey(), country.getValue())).toList(),
                "option.unknown.country",
                locale -> japanese(locale) ? countryNamesJa(partners) : Map.of());
    }

    /** The records' Japanese names, else the JDK's for the code (a code that is no ISO country keeps its English name). */
    static Map<String, String> countryNamesJa(PartnerRepository partners) {
        Map<String, String> names = new HashMap<>();
        partners.countryNamesJa().forEach((code, recorded) -> {
            String name = recorded;
            if (name == null || name.isBlank()) {
                name = new Locale("", code).getDisplayCountry(Locale.JAPANESE);
            }
            if (!name.isBlank() && !name.equals(code)) {
                names.put(code, name);
            }
        });
        return names;
    }

    @Bean
    FormOptionSource countryGroupOptions(PartnerRepository partners) {
        return source("countryGroups", () -> partners.groups().stream()
                        .map(group -> new FormOptionSource.FormOption(group.code(),
                                group.name() + " (" + group.members().size()
                                        + (group.kind() == CountryGroup.Kind.REGION ? " countries and territories)" : " countries)")))
                        .toList(),
                "option.unknown.countryGroup",
                locale -> {
                    Map<String, String> names = new HashMap<>();
                    if (japanese(locale)) {
                        partners.groups().stream().filter(group -> group.nameJa() != null && !group.nameJa().isBlank())
                                .forEach(group -> names.put(group.code(), group.nameJa() + "（" + group.members().size()
                                        + (group.kind() == CountryGroup.Kind.REGION ? "の国・地域）" : "か国）")));
                    }
                    return names;
                });
    }

    @Bean
    FormOptionSource organisationOptions(PartnerRepository partners) {
        return source("organisations", () -> partners.organisations().stream()
                        .map(organisation -> new FormOptionSource.FormOption(organisation.code(), organisation.name())).toList(),
                "option.unknown.organisation",
                locale -> {
                    Map<String, String> names = new HashMap<>();
                    if (japanese(locale)) {
                        partners.organisations().stream()
                                .filter(organisation -> organisation.nameJa() != null && !organisation.nameJa().isBlank())
                                .forEach(organisation -> names.put(organisation.code(), organisation.nameJa()));
                    }
                    return names;
                });
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
                "option.unknown.currency",
                locale -> {
                    Map<String, String> names = new HashMap<>();
                    if (japanese(locale)) {
                        java.util.Set<String> withRates = currencies.withRates();
                        currencies.currencies().forEach(currency -> names.put(currency.code(), currency.code() + ": "
                                + japaneseName(currency) + (Money.YEN.equals(currency.code()) || withRates.contains(currency.code())
                                ? "" : "（円換算レート未登録）")));
                    }
                    return names;
                });
    }

    private static String japaneseName(Currencies.Currency currency) {
        try {
            return java.util.Currency.getInstance(currency.code()).getDisplayName(Locale.JAPANESE);
        } catch (IllegalArgumentException notInTheJdk) {
            return currency.name();
        }
    }

    private static boolean japanese(Locale locale) {
        return Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
    }

    private static FormOptionSource source(String name, java.util.function.Supplier<List<FormOptionSource.FormOption>> options,
                                           String unknownKey, Function<Locale, Map<String, String>> labels) {
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
            public Map<String, String> labels(Locale locale) {
                return labels.apply(locale);
            }

            @Override
            public String unknown(String value) {
                return ValidationMessages.render(unknownKey, value.length() > 40 ? value.substring(0, 40) + "..." : value);
            }
        };
    }
}
