package org.cooperationdesk.language;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The language each member of staff reads the office's mails in: the one they last chose with the language switch
 * of the office's pages, else the office's default ({@code coopdesk.language.staff}, Japanese).
 */
@Component
public class StaffLanguages {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Language officeDefault;

    StaffLanguages(JdbcClient jdbc, Clock clock, @Value("${coopdesk.language.staff:ja}") String officeDefault) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.officeDefault = Language.ofTag(officeDefault).orElseThrow(() -> new IllegalStateException(
                "coopdesk.language.staff must be en or ja, not " + officeDefault));
    }

    /** The language a member of staff reads; the office's default for one who never chose (or an unknown id). */
    public Language of(String userId) {
        if (userId == null) {
            return officeDefault;
        }
        List<String> chosen = jdbc.sql("select language from staff_language where user_id = ?")
                .param(userId).query(String.class).list();
        return chosen.isEmpty() ? officeDefault : Language.ofTag(chosen.get(0)).orElse(officeDefault);
    }

    /** The office's default language for staff. */
    public Language officeDefault() {
        return officeDefault;
    }

    /** Keeps the language a member of staff chose (a no-op when it is already theirs). */
    public void choose(String userId, Language language) {
        int updated = jdbc.sql("update staff_language set language = ?, chosen_at = ? where user_id = ? and language <> ?")
                .params(language.tag(), Timestamp.from(clock.instant()), userId, language.tag()).update();
        if (updated == 0 && jdbc.sql("select count(*) from staff_language where user_id = ?").param(userId)
                .query(Integer.class).single() == 0) {
            try {
                jdbc.sql("insert into staff_language (user_id, language, chosen_at) values (?, ?, ?)")
                        .params(userId, language.tag(), Timestamp.from(clock.instant())).update();
            } catch (DuplicateKeyException chosenMeanwhile) {
                // the same user's other request chose at the same moment: theirs stands
            }
        }
    }
}
