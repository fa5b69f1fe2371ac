package org.cooperationdesk.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** People the office deals with: one person may be an expert, a trainee or a delegate over the years. */
@Repository
public class PersonRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PersonRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person with this e-mail address, registered now if new. */
    public long findOrAdd(String fullName, String email, String nationality) {
        return jdbc.sql("select id from person where email_key = ? order by id")
                .param(emailKey(email)).query(Long.class).list().stream().findFirst()
                .orElseGet(() -> add(fullName, email, nationality));
    }

    public long add(String fullName, String email, String nationality) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into person (full_name, email, email_key, nationality, created_at) values (?, ?, ?, ?, ?)")
                .params(fullName, email, emailKey(email), nationality, LocalDateTime.now(clock))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The address as looked up: case does not make another person (indexed, see V6__person_email_key.sql). */
    private static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }
}
