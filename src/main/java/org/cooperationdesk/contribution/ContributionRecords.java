package org.cooperationdesk.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The contribution, contribution_recipient, contribution_tranche, contribution_report and contribution_transaction tables. */
@Repository
public class ContributionRecords {

    private static final String COLUMNS = """
            id, reference, organisation_code, organisation_reference, organisation_email, title, objectives, recipient_group,
            sector_code, kind, aid_type, start_date, end_date, amount, amount_currency, amount_yen, amount_rate_id,
            planned_tranches, reporting_interval_months, programme_officer, status, status_before_suspension, status_reason,
            evaluation_level, agreement_reference, agreement_signed_on, ministry_signatory, organisation_signatory,
            evaluation_terms, evaluator, evaluation_completed_on, evaluation_rating, evaluation_findings, registered_by""";
    private static final String TRANCHE_COLUMNS = """
            id, tranche_no, amount, currency, status, planned_payment_date, note, requested_by, decided_by, decision_reason,
            paid_on, payment_reference, amount_yen, rate_id""";

    private static final RowMapper<Tranche> TRANCHE = (rs, row) -> new Tranche(rs.getLong("id"), rs.getInt("tranche_no"),
            rs.getBigDecimal("amount"), rs.getString("currency"), Tranche.Status.valueOf(rs.getString("status")),
            rs.getObject("planned_payment_date", LocalDate.class), rs.getString("note"), rs.getString("requested_by"),
            rs.getString("decided_by"), rs.getString("decision_reason"), rs.getObject("paid_on", LocalDate.class),
            rs.getString("payment_reference"), rs.getBigDecimal("amount_yen"), (Long) rs.getObject("rate_id", Long.class));

    private static final RowMapper<ContributionReport> REPORT = (rs, row) -> new ContributionReport(rs.getLong("id"),
            ContributionReport.Kind.valueOf(rs.getString("kind")), rs.getInt("report_no"),
            rs.getObject("due_date", LocalDate.class), rs.getObject("received_on", LocalDate.class),
            ContributionReport.Status.valueOf(rs.getString("status")), rs.getString("summary"),
            rs.getString("return_reason"), rs.getString("recorded_by"));

    private static final RowMapper<ContributionTransaction> TRANSACTION = (rs, row) -> new ContributionTransaction(
            rs.getLong("id"), ContributionTransaction.Kind.valueOf(rs.getString("kind")),
            rs.getObject("transaction_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
            rs.getBigDecimal("amount_yen"), rs.getObject("rate_id", Long.class), rs.getObject("tranche_id", Long.class),
            rs.getString("description"));

    /** The length of contribution.status_reason: a closing summary with a long reason is cut there, marked "...". */
    static final int STATUS_REASON_LENGTH = 1000;

    private final JdbcClient jdbc;

    public ContributionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private RowMapper<Contribution> contributionMapper() {
        return (rs, row) -> {
            long id = rs.getLong("id");
            String before = rs.getString("status_before_suspension");
            return new Contribution(id, rs.getString("reference"), rs.getString("organisation_code"),
                    rs.getString("organisation_reference"), rs.getString("organisation_email"), rs.getString("title"),
                    rs.getString("objectives"), rs.getString("recipient_group"), recipients(id), rs.getString("sector_code"),
                    ContributionKind.valueOf(rs.getString("kind")), rs.getString("aid_type"),
                    rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                    rs.getBigDecimal("amount"), rs.getString("amount_currency"), rs.getBigDecimal("amount_yen"),
                    rs.getObject("amount_rate_id", Long.class), rs.getInt("planned_tranches"),
                    rs.getInt("reporting_interval_months"), rs.getString("programme_officer"),
                    ContributionStatus.valueOf(rs.getString("status")), before == null ? null : ContributionStatus.valueOf(before),
                    rs.getString("status_reason"), rs.getString("evaluation_level"), rs.getString("agreement_reference"),
                    rs.getObject("agreement_signed_on", LocalDate.class), rs.getString("ministry_signatory"),
                    rs.getString("organisation_signatory"), rs.getString("evaluation_terms"), rs.getString("evaluator"),
                    rs.getObject("evaluation_completed_on", LocalDate.class), rs.getString("evaluation_rating"),
                    rs.getString("evaluation_findings"), rs.getString("registered_by"));
        };
    }

    /** Inserts the proposal and gives it its reference, CT-&lt;year&gt;-&lt;number&gt;. */
    public Contribution insert(Contribution draft, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contribution (reference, organisation_code, organisation_reference, organisation_email, title,
                            objectives, recipient_group, sector_code, kind, aid_type, start_date, end_date, amount, amount_currency,
                            amount_yen, amount_rate_id, planned_tranches, reporting_interval_months, programme_officer, status,
                            registered_by, created_at)
                        values (:reference, :organisationCode, :organisationReference, :organisationEmail, :title, :objectives,
                            :recipientGroup, :sectorCode, :kind, :aidType, :startDate, :endDate, :amount, :amountCurrency,
                            :amountYen, :amountRateId, :plannedTranches, :reportingIntervalMonths, :programmeOfficer, :status,
                            :registeredBy, :createdAt)""")
                .param("reference", "pending-" + UUID.randomUUID().toString().substring(0, 20))
                .param("organisationCode", draft.organisationCode())
                .param("organisationReference", draft.organisationReference())
                .param("organisationEmail", draft.organisationEmail())
                .param("title", draft.title())
                .param("objectives", draft.objectives())
                .param("recipientGroup", draft.recipientGroup())
                .param("sectorCode", draft.sectorCode())
                .param("kind", draft.kind().name())
                .param("aidType", draft.aidType())
                .param("startDate", draft.startDate())
                .param("endDate", draft.endDate())
                .param("amount", draft.amount())
                .param("amountCurrency", draft.amountCurrency())
                .param("amountYen", draft.amountYen())
                .param("amountRateId", draft.amountRateId())
                .param("plannedTranches", draft.plannedTranches())
                .param("reportingIntervalMonths", draft.reportingIntervalMonths())
                .param("programmeOfficer", draft.programmeOfficer())
                .param("status", ContributionStatus.APPRAISAL.name())
                .param("registeredBy", draft.registeredBy())
                .param("createdAt", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("update contribution set reference = ? where id = ?")
                .params("CT-%d-%04d".formatted(now.getYear(), id), id).update();
        for (String country : draft.recipientCountries()) {
            jdbc.sql("insert into contribution_recipient (contribution_id, country_code) values (?, ?)")
                    .params(id, country).update();
        }
        return contribution(id);
    }

    public Contribution contribution(long id) {
        return jdbc.sql("select " + COLUMNS + " from contribution where id = ?").param(id).query(contributionMapper()).single();
    }

    public Optional<Contribution> byReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from contribution where reference = ?")
                .param(reference).query(contributionMapper()).optional();
    }

    /** Every contribution, newest first; with a status, only those. */
    public List<Contribution> list(ContributionStatus status) {
        return status == null
                ? jdbc.sql("select " + COLUMNS + " from contribution order by id desc").query(contributionMapper()).list()
                : jdbc.sql("select " + COLUMNS + " from contribution where status = ? order by id desc")
                .param(status.name()).query(contributionMapper()).list();
    }

    public List<String> recipients(long contributionId) {
        return jdbc.sql("select country_code from contribution_recipient where contribution_id = ? order by country_code")
                .param(contributionId).query(String.class).list();
    }

    public void linkProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update contribution set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** The revised proposal's terms and their new yen value. */
    public void updateProposal(long id, String title, String objectives, LocalDate startDate, LocalDate endDate,
                               BigDecimal amount, String currency, BigDecimal amountYen, Long rateId, int plannedTranches,
                               int reportingIntervalMonths, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set title = ?, objectives = ?, start_date = ?, end_date = ?, amount = ?,
                            amount_currency = ?, amount_yen = ?, amount_rate_id = ?, planned_tranches = ?,
                            reporting_interval_months = ?, updated_at = ?
                        where id = ?""")
                .params(title, objectives, startDate, endDate, amount, currency, amountYen, rateId, plannedTranches,
                        reportingIntervalMonths, now, id)
                .update();
    }

    /**
     * The contribution's new status. While it is suspended the status it will resume to changes instead: a step that
     * runs meanwhile (a report accepted) does not lift the suspension.
     */
    public void updateStatus(long id, ContributionStatus status, String reason, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set
                            status_before_suspension = case when status = 'SUSPENDED' then ? else status_before_suspension end,
                            status = case when status = 'SUSPENDED' then status else ? end,
                            status_reason = coalesce(?, status_reason), updated_at = ?
                        where id = ?""")
                .params(status.name(), status.name(), fit(reason), now, id).update();
    }

    /** A status that ends the contribution: set whatever it was, suspended included. */
    public void end(long id, ContributionStatus status, String reason, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set status = ?, status_before_suspension = null, status_reason = ?,
                            updated_at = ?, closed_at = ?
                        where id = ?""")
                .params(status.name(), fit(reason), now, now, id).update();
    }

    public void suspend(long id, String reason, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set status_before_suspension = status, status = 'SUSPENDED', status_reason = ?,
                            updated_at = ?
                        where id = ? and status <> 'SUSPENDED'""")
                .params(fit(reason), now, id).update();
    }

    public void resume(long id, String note, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set status = status_before_suspension, status_before_suspension = null,
                            status_reason = ?, updated_at = ?
                        where id = ? and status = 'SUSPENDED'""")
                .params(fit(note), now, id).update();
    }

    private static String fit(String reason) {
        return reason == null || reason.length() <= STATUS_REASON_LENGTH ? reason
                : reason.substring(0, STATUS_REASON_LENGTH - 3) + "...";
    }

    public void recordAgreement(long id, String agreementReference, LocalDate signedOn, String ministrySignatory,
                                String organisationSignatory, int plannedTranches, int reportingIntervalMonths,
                                String evaluationTerms, String evaluationLevel, LocalDateTime now) {
        jdbc.sql("""
                        update contribution set agreement_reference = ?, agreement_signed_on = ?, ministry_signatory = ?,
                            organisation_signatory = ?, planned_tranches = ?, reporting_interval_months = ?,
                            evaluation_terms = ?, evaluation_level = ?, updated_at = ?
                        where id = ?""")
                .params(agreementReference, signedOn, ministrySignatory, organisationSignatory, plannedTranches,
                        reportingIntervalMonths, evaluationTerms, evaluationLevel, now, id)
                .update();
    }

    public void recordEvaluation(long id, String evaluator, LocalDate completedOn, String rating, String findings) {
        jdbc.sql("""
                        update contribution set evaluator = ?, evaluation_completed_on = ?, evaluation_rating = ?,
                            evaluation_findings = ?
                        where id = ?""")
                .params(evaluator, completedOn, rating, findings, id).update();
    }

    // ---------------------------------------------------------------- tranches

    public long insertTranche(long contributionId, int trancheNo, BigDecimal amount, String currency,
                              LocalDate plannedPaymentDate, String note, String requestedBy, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contribution_tranche (contribution_id, tranche_no, amount, currency, status,
                            planned_payment_date, note, requested_by, requested_at)
                        values (?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?)""")
                .params(contributionId, trancheNo, amount, currency, plannedPaymentDate, note, requestedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Tranche tranche(long id) {
        return jdbc.sql("select " + TRANCHE_COLUMNS + " from contribution_tranche where id = ?").param(id).query(TRANCHE).single();
    }

    public List<Tranche> tranches(long contributionId) {
        return jdbc.sql("select " + TRANCHE_COLUMNS + " from contribution_tranche where contribution_id = ? order by tranche_no, id")
                .param(contributionId).query(TRANCHE).list();
    }

    public void decideTranche(long id, Tranche.Status status, String decidedBy, String reason) {
        jdbc.sql("update contribution_tranche set status = ?, decided_by = ?, decision_reason = ? where id = ?")
                .params(status.name(), decidedBy, reason, id).update();
    }

    public void payTranche(long id, LocalDate paidOn, String paymentReference, BigDecimal amountYen, Long rateId) {
        jdbc.sql("""
                        update contribution_tranche set status = 'PAID', paid_on = ?, payment_reference = ?, amount_yen = ?,
                            rate_id = ?
                        where id = ?""")
                .params(paidOn, paymentReference, amountYen, rateId, id).update();
    }

    /** Tranches requested or approved but not paid are cancelled; returns how many. */
    public int cancelOpenTranches(long contributionId) {
        return jdbc.sql("""
                        update contribution_tranche set status = 'CANCELLED'
                        where contribution_id = ? and status in ('REQUESTED', 'APPROVED')""")
                .param(contributionId).update();
    }

    public BigDecimal paid(long contributionId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from contribution_tranche where contribution_id = ? and status = 'PAID'")
                .param(contributionId).query(BigDecimal.class).single();
    }

    public int tranchesPaid(long contributionId) {
        return jdbc.sql("select count(*) from contribution_tranche where contribution_id = ? and status = 'PAID'")
                .param(contributionId).query(Integer.class).single();
    }

    // ---------------------------------------------------------------- reports and transactions

    public void insertReport(long contributionId, ContributionReport.Kind kind, int reportNo, LocalDate dueDate,
                             LocalDate receivedOn, ContributionReport.Status status, String summary, String returnReason,
                             String recordedBy, LocalDateTime now) {
        jdbc.sql("""
                        insert into contribution_report (contribution_id, kind, report_no, due_date, received_on, status,
                            summary, return_reason, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contributionId, kind.name(), reportNo, dueDate, receivedOn, status.name(), summary, returnReason,
                        recordedBy, now)
                .update();
    }

    public List<ContributionReport> reports(long contributionId) {
        return jdbc.sql("""
                        select id, kind, report_no, due_date, received_on, status, summary, return_reason, recorded_by
                        from contribution_report where contribution_id = ? order by id""")
                .param(contributionId).query(REPORT).list();
    }

    public void insertTransaction(long contributionId, ContributionTransaction.Kind kind, LocalDate day, BigDecimal amount,
                                  String currency, BigDecimal amountYen, Long rateId, Long trancheId, String description) {
        jdbc.sql("""
                        insert into contribution_transaction (contribution_id, kind, transaction_date, amount, currency,
                            amount_yen, rate_id, tranche_id, description)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contributionId, kind.name(), day, amount, currency, amountYen, rateId, trancheId, description)
                .update();
    }

    public List<ContributionTransaction> transactions(long contributionId) {
        return jdbc.sql("""
                        select id, kind, transaction_date, amount, currency, amount_yen, rate_id, tranche_id, description
                        from contribution_transaction where contribution_id = ? order by transaction_date, id""")
                .param(contributionId).query(TRANSACTION).list();
    }
}
