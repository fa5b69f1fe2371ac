package org.cooperationdesk.form;

import java.util.Arrays;
import java.util.List;

/** Option sources with a few fixed records, for tests that check forms without a database. */
public final class FixedOptionSources {

    private FixedOptionSources() {
    }

    public static FormOptions options() {
        return new FormOptions(List.of(
                source("countries", "PH", "KH", "LA", "TH", "VN", "ID", "CN", "EG"),
                source("countryGroups", "ASEAN", "ASEAN_PLUS_3"),
                source("organisations", "WHO", "ILO", "JICA", "ASEAN_SEC"),
                source("currencies", "JPY", "USD", "EUR")));
    }

    public static FormOptionSource source(String name, String... values) {
        return new FormOptionSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<FormOption> options() {
                return Arrays.stream(values).map(value -> new FormOption(value, value)).toList();
            }

            @Override
            public String unknown(String value) {
                return "'" + value + "' is not one of the " + name;
            }
        };
    }
}
