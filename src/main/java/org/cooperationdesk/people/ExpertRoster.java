package org.cooperationdesk.people;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cooperationdesk.language.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expert roster: people, their skills, languages, clearances and availability. */
@Repository
public class ExpertRoster {

    private final JdbcClient jdbc;
    private final PersonRegistry people;

    public ExpertRoster(JdbcClient jdbc, PersonRegistry people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    public List<Expert> all() {
        return load(null);
    }

    public Optional<Expert> find(long id) {
        // One expert's rows only: the whole roster's skills and languages were read for each look-up.
        return load(id).stream().findFirst();
    }

    public int count() {
        return jdbc.sql("select count(*) from expert").query(Integer.class).single();
    }

    public long add(String fullName, String email, String nationality, String affiliation, Availability availability,
                    LocalDate medicalClearanceExpires, LocalDate vaccinationExpires,
                    List<String> skills, List<String> languages) {
        return add(fullName, email, nationality, affiliation, availability, medicalClearanceExpires, vaccinationExpires,
                skills, languages, Language.EN);
    }

    /** An expert written to in this language (mails and letters). */
    public long add(String fullName, String email, String nationality, String affiliation, Availability availability,
                    LocalDate medicalClearanceExpires, LocalDate vaccinationExpires,
                    List<String> skills, List<String> languages, Language correspondenceLanguage) {
        long id = people.add(fullName, email, nationality);
        jdbc.sql("""
                insert into expert (person_id, affiliation, availability, medical_clearance_expires, vaccination_expires,
                                    correspondence_language)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, affiliation, availability.name(), medicalClearanceExpires, vaccinationExpires,
                        (correspondenceLanguage == null ? Language.EN : correspondenceLanguage).tag())
                .update();
        skills.forEach(skill -> jdbc.sql("insert into expert_skill (expert_id, skill) values (?, ?)")
                .params(id, skill.toLowerCase()).update());
        languages.forEach(language -> jdbc.sql("insert into expert_language (expert_id, language) values (?, ?)")
                .params(id, language.toLowerCase()).update());
        return id;
    }

    /** The language the office writes the expert's mails and letters in from now on; false for no such expert. */
    public boolean setCorrespondenceLanguage(long expertId, Language language) {
        return jdbc.sql("update expert set correspondence_language = ? where person_id = ?")
                .params(language.tag(), expertId).update() == 1;
    }

    public void markAvailability(long expertId, Availability availability, LocalDate availableFrom) {
        jdbc.sql("update expert set availability = ?, available_from = ? where person_id = ?")
                .params(availability.name(), availableFrom, expertId).update();
    }

    /**
     * Marks the expert reserved only if still available: two coordinators offering the same expert at
     * the same time cannot both succeed.
     */
    public boolean reserve(long expertId) {
        return jdbc.sql("update expert set availability = 'RESERVED' where person_id = ? and availability = 'AVAILABLE'")
                .param(expertId).update() == 1;
    }

    public void updateClearance(long expertId, LocalDate validUntil) {
        jdbc.sql("update expert set medical_clearance_expires = ?, vaccination_expires = ? where person_id = ?")
                .params(validUntil, validUntil, expertId).update();
    }

    private List<Expert> load(Long id) {
        String byExpert = id == null ? "" : " where expert_id = ?";
        Map<Long, List<String>> skills = multi("select expert_id, skill from expert_skill" + byExpert + " order by skill", id);
        Map<Long, List<String>> languages = multi("select expert_id, language from expert_language" + byExpert
                + " order by language", id);
        var query = jdbc.sql("""
                select p.id, p.full_name, p.email, p.nationality, e.affiliation, e.availability, e.available_from,
                       e.medical_clearance_expires, e.vaccination_expires, e.correspondence_language
                from expert e join person p on p.id = e.person_id
                """ + (id == null ? "" : "where e.person_id = ? ") + "order by p.full_name");
        if (id != null) {
            query = query.param(id);
        }
        return query
                .query((rs, row) -> new Expert(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getString("email"),
                        rs.getString("nationality"),
                        rs.getString("affiliation"),
                        Availability.valueOf(rs.getString("availability")),
                        toLocalDate(rs.getDate("available_from")),
                        toLocalDate(rs.getDate("medical_clearance_expires")),
                        toLocalDate(rs.getDate("vaccination_expires")),
                        skills.getOrDefault(rs.getLong("id"), List.of()),
                        languages.getOrDefault(rs.getLong("id"), List.of()),
                        Language.ofTag(rs.getString("correspondence_language")).orElse(Language.EN)))
                .list();
    }

    private Map<Long, List<String>> multi(String sql, Long id) {
        Map<Long, List<String>> result = new HashMap<>();
        var query = jdbc.sql(sql);
        if (id != null) {
            query = query.param(id);
        }
        query.query(rs -> {
            result.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()).add(rs.getString(2));
        });
        return result;
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
