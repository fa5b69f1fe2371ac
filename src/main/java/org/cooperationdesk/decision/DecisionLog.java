package org.cooperationdesk.decision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every decision a person took (release, extension, selection list, agenda), who took it and why. */
@Repository
public class DecisionLog {

    public record Decision(String subjectType, String subjectRef, String kind, String outcome, String reason,
                           String decidedBy, LocalDateTime decidedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public DecisionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String subjectType, String subjectRef, String kind, String outcome, String reason, String decidedBy) {
        jdbc.sql("""
                        insert into decision (subject_type, subject_ref, kind, outcome, reason, decided_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(subjectType, subjectRef, kind, outcome, reason, decidedBy, LocalDateTime.now(clock))
                .update();
    }

    public List<Decision> about(String subjectType, String subjectRef) {
        return jdbc.sql("""
                        select subject_type, subject_ref, kind, outcome, reason, decided_by, decided_at
                        from decision where subject_type = ? and subject_ref = ? order by id""")
                .params(subjectType, subjectRef).query(Decision.class).list();
    }
}
