package org.cooperationdesk.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.form.FormOptionSource.FormOption;
import org.cooperationdesk.form.FormOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contributions a dispatch, a course or a meeting can name, and what each of them funded. */
class ProgrammesTest extends ProcessTestSupport {

    @Autowired
    Programmes programmes;
    @Autowired
    FormOptions formOptions;

    @Test
    void shouldOfferOnlyRunningContributionsByReference() {
        Map<String, ContributionRows.Row> byStatus = List.of("FINAL_REPORT", "APPRAISAL", "ACTIVE", "CLOSED", "APPROVED",
                        "REFUSED", "SUSPENDED", "TERMINATED").stream()
                .collect(Collectors.toMap(status -> status,
                        status -> ContributionRows.insert(jdbc, "ILO", status, "Industrial relations " + status)));
        List<String> ours = byStatus.values().stream().map(ContributionRows.Row::reference).toList();

        List<FormOption> offered = programmes.options().stream().filter(option -> ours.contains(option.value())).toList();

        assertThat(offered).extracting(FormOption::value).containsExactly(byStatus.get("FINAL_REPORT").reference(),
                byStatus.get("ACTIVE").reference(), byStatus.get("APPROVED").reference());
        ContributionRows.Row active = byStatus.get("ACTIVE");
        assertThat(offered).contains(new FormOption(active.reference(), active.reference() + " · ILO · Industrial relations ACTIVE"));
        assertThat(formOptions.refusal("programmes", List.of(byStatus.get("CLOSED").reference())))
                .contains("'" + byStatus.get("CLOSED").reference()
                        + "' is not a running contribution or programme (an approved contribution's reference, e.g. CT-2026-0001)");
        assertThat(formOptions.refusal("programmes", List.of(active.reference()))).isEmpty();
    }

    @Test
    void shouldFindAContributionByReferenceAndBack() {
        ContributionRows.Row goarn = ContributionRows.insert(jdbc, "WHO", "ACTIVE", "GOARN outbreak response support");

        assertThat(programmes.idOf(goarn.reference())).contains(goarn.id());
        assertThat(programmes.referenceOf(goarn.id())).contains(goarn.reference());
        assertThat(programmes.idOf(null)).isEmpty();
        assertThat(programmes.idOf(" ")).isEmpty();
        assertThat(programmes.idOf("CT-1999-0001")).isEmpty();
        assertThat(programmes.referenceOf(null)).isEmpty();
    }

    @Test
    void shouldListTheRequestsCoursesAndMeetingsAContributionFundedByKindThenReference() {
        ContributionRows.Row project = ContributionRows.insert(jdbc, "ILO", "ACTIVE", "Industrial relations in ASEAN");
        ContributionRows.Row other = ContributionRows.insert(jdbc, "WHO", "ACTIVE", "GOARN outbreak response support");
        String number = project.reference().substring("CT-".length());
        insertMeeting("MT-" + number, "Tripartite workshop on wage setting", project.id());
        insertCourse("TC-" + number + "-B", "Collective bargaining for labour officials", project.id());
        insertCourse("TC-" + number + "-A", "Labour dispute settlement", project.id());
        insertCourse("TC-" + number + "-C", "Field epidemiology", other.id());
        insertRequest("DR-" + number, "Labour law review in Viet Nam", project.id());

        assertThat(programmes.fundedBy(project.id())).containsExactly(
                new Programmes.Funded("COURSE", "TC-" + number + "-A", "Labour dispute settlement", "OPEN"),
                new Programmes.Funded("COURSE", "TC-" + number + "-B", "Collective bargaining for labour officials", "OPEN"),
                new Programmes.Funded("DISPATCH_REQUEST", "DR-" + number, "Labour law review in Viet Nam", "MATCHING"),
                new Programmes.Funded("MEETING", "MT-" + number, "Tripartite workshop on wage setting", "PLANNED"));
        assertThat(programmes.fundedBy(ContributionRows.insert(jdbc, "ILO", "APPROVED", "Nothing yet").id())).isEmpty();
    }

    private void insertRequest(String reference, String purpose, long contributionId) {
        jdbc.sql("""
                        insert into dispatch_request (reference, requesting_body, requester_reference, requester_email,
                            country_code, purpose, terms_of_reference, skills_needed, start_date, duration_days,
                            estimated_cost, funded_by, status, contribution_id, created_at)
                        values (?, 'ILO', 'ILO-1', 'projects@ilo.example', 'VN', ?, 'Review the draft labour code.',
                            'labour law', ?, 30, 1000000, 'MINISTRY', 'MATCHING', ?, ?)""")
                .params(reference, purpose, LocalDate.of(2026, 6, 1), contributionId, LocalDateTime.of(2026, 3, 1, 9, 0))
                .update();
    }

    private void insertCourse(String reference, String title, long contributionId) {
        jdbc.sql("""
                        insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                            min_experience_years, max_age, language, nomination_deadline, status, contribution_id, created_at)
                        values (?, ?, 'Bangkok', ?, ?, 20, 2, 3, 45, 'english', ?, 'OPEN', ?, ?)""")
                .params(reference, title, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 12), LocalDate.of(2026, 7, 1),
                        contributionId, LocalDateTime.of(2026, 3, 1, 9, 0))
                .update();
    }

    private void insertMeeting(String reference, String title, long contributionId) {
        jdbc.sql("""
                        insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country, budget,
                            delegate_quota, nomination_deadline, field_visit, status, contribution_id, created_at)
                        values (?, ?, 'Wage setting', 'workshop', ?, ?, 'Jakarta', 'ID', 5000000, 2, ?, false, 'PLANNED', ?, ?)""")
                .params(reference, title, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 7), LocalDate.of(2026, 8, 1),
                        contributionId, LocalDateTime.of(2026, 3, 1, 9, 0))
                .update();
    }
}
