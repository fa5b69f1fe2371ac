package org.cooperationdesk.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters as they were issued (table {@code letter}): each PDF once, under the key of the mail step that carried
 * it and its position in that mail. Written in its own transaction before the mail is sent, as the notification log
 * is: the letter stays when the step's job rolls back, and a retry finds it.
 */
@Repository
public class LetterStore {

    /** A letter as kept, with its content. */
    public record StoredLetter(long id, LetterKind kind, String language, String reference, Long personId,
                               String addressee, String documentNumber, String fileName, byte[] content, int sizeBytes,
                               String sha256, String idempotencyKey, int enclosureNo, LocalDate issuedOn,
                               LocalDateTime createdAt) {
    }

    /** A letter as a record's page lists it, without its content. */
    public record Entry(long id, LetterKind kind, String language, String reference, Long personId, String addressee,
                        String documentNumber, String fileName, int sizeBytes, String sha256, LocalDateTime createdAt) {
    }

    private static final String ENTRY_COLUMNS = """
            id, kind, language, reference, person_id, addressee, document_number, file_name, size_bytes, sha256, created_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public LetterStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The letter a mail step made at this position, if an earlier attempt of the step made it. */
    public Optional<StoredLetter> ofMailStep(String idempotencyKey, int enclosureNo) {
        return ownTransaction.execute(tx -> jdbc.sql("select * from letter where idempotency_key = ? and enclosure_no = ?")
                .params(idempotencyKey, enclosureNo).query(LetterStore::stored).optional());
    }

    /**
     * Keeps a letter just made. When another attempt of the same step kept one first (two nodes retrying at once),
     * that one is the letter, and this one is dropped.
     */
    public StoredLetter keep(LetterRequest request, byte[] content, String sha256, String idempotencyKey, int enclosureNo,
                             LocalDateTime now) {
        // As the table keeps it: the addressee line cut to the column, the time to the microsecond.
        StoredLetter letter = new StoredLetter(0, request.kind(), request.languageTag(), request.reference(),
                request.personId(), truncate(request.addresseeLine(), 300), request.number(), request.fileName(), content,
                content.length, sha256, idempotencyKey, enclosureNo, now.toLocalDate(), now.truncatedTo(ChronoUnit.MICROS));
        try {
            long id = ownTransaction.execute(tx -> {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into letter (kind, language, reference, person_id, addressee, document_number, file_name,
                                    content, size_bytes, sha256, idempotency_key, enclosure_no, issued_on, created_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(letter.kind().name(), letter.language(), letter.reference(), letter.personId(),
                                letter.addressee(), letter.documentNumber(), letter.fileName(), content, letter.sizeBytes(),
                                sha256, idempotencyKey, enclosureNo, letter.issuedOn(), letter.createdAt())
                        .update(keys, "id");
                return keys.getKey().longValue();
            });
            // What was written, without reading the content back.
            return new StoredLetter(id, letter.kind(), letter.language(), letter.reference(), letter.personId(),
                    letter.addressee(), letter.documentNumber(), letter.fileName(), content, letter.sizeBytes(), sha256,
                    idempotencyKey, enclosureNo, letter.issuedOn(), letter.createdAt());
        } catch (DuplicateKeyException e) {
            return ofMailStep(idempotencyKey, enclosureNo).orElseThrow(() -> e);
        }
    }

    public Optional<StoredLetter> byId(long id) {
        return jdbc.sql("select * from letter where id = ?").param(id).query(LetterStore::stored).optional();
    }

    /** The letters of a request, course or meeting, oldest first. */
    public List<Entry> ofRecord(String reference) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from letter where reference = ? order by id")
                .param(reference).query(LetterStore::entry).list();
    }

    /** The letters addressed to a person, oldest first. */
    public List<Entry> ofPerson(long personId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from letter where person_id = ? order by id")
                .param(personId).query(LetterStore::entry).list();
    }

    private static StoredLetter stored(ResultSet rs, int row) throws SQLException {
        return new StoredLetter(rs.getLong("id"), LetterKind.valueOf(rs.getString("kind")), rs.getString("language"),
                rs.getString("reference"), rs.getObject("person_id", Long.class), rs.getString("addressee"),
                rs.getString("document_number"), rs.getString("file_name"), rs.getBytes("content"),
                rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("idempotency_key"), rs.getInt("enclosure_no"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("created_at", LocalDateTime.class));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), LetterKind.valueOf(rs.getString("kind")), rs.getString("language"),
                rs.getString("reference"), rs.getObject("person_id", Long.class), rs.getString("addressee"),
                rs.getString("document_number"), rs.getString("file_name"), rs.getInt("size_bytes"),
                rs.getString("sha256"), rs.getObject("created_at", LocalDateTime.class));
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
