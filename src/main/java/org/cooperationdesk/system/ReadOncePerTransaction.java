package org.cooperationdesk.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The records of one kind a transaction has read, so that steps naming the same record several times in one
 * transaction (a country's name for the mail, its channel for the address, its record for the letter's address block;
 * a course for each check of a form) read it once. Outside a transaction nothing is kept. The copies last until the
 * transaction ends, so the next transaction, on any node, reads the record again; the repository that writes the
 * records calls {@link #forget()} at each write, so a transaction reads what it has itself changed.
 *
 * <p>Only for immutable values (records): every reader in the transaction gets the same object.
 *
 * @param <K> the record's key
 * @param <V> the record, or an {@code Optional} of it
 */
public final class ReadOncePerTransaction<K, V> {

    /** The key under which this kind's copies are bound to the transaction: this object itself. */
    public V get(K key, Function<K, V> read) {
        Map<K, V> copies = copies();
        if (copies == null) {
            return read.apply(key);
        }
        V value = copies.get(key);
        if (value == null) {
            value = read.apply(key);
            copies.put(key, value);
        }
        return value;
    }

    /** Drops this transaction's copies: to be called by every write of these records. */
    public void forget() {
        Map<K, V> copies = copies();
        if (copies != null) {
            copies.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> copies() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<K, V> copies = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (copies == null) {
            copies = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, copies);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReadOncePerTransaction.this);
                }
            });
        }
        return copies;
    }
}
