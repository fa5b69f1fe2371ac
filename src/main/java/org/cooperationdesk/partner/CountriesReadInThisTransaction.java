package org.cooperationdesk.partner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The countries one transaction has read, so that a step naming the same country several times (its name for the
 * mail, its channel for the address, its record for the letter's address block) reads it once. Outside a transaction
 * nothing is kept. Kept only until the transaction ends, so a change an admin makes is read by the next transaction on
 * every node, as before; {@link #forget()} drops the copies when the transaction itself changes a country.
 */
final class CountriesReadInThisTransaction {

    private static final Object KEY = new Object();

    private CountriesReadInThisTransaction() {
    }

    static Optional<Country> country(String code, Function<String, Optional<Country>> read) {
        Map<String, Optional<Country>> countries = countries();
        if (countries == null) {
            return read.apply(code);
        }
        Optional<Country> country = countries.get(code);
        if (country == null) {
            country = read.apply(code);
            countries.put(code, country);
        }
        return country;
    }

    static void forget() {
        Map<String, Optional<Country>> countries = countries();
        if (countries != null) {
            countries.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Optional<Country>> countries() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<String, Optional<Country>> countries = (Map<String, Optional<Country>>) TransactionSynchronizationManager.getResource(KEY);
        if (countries == null) {
            countries = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, countries);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return countries;
    }
}
