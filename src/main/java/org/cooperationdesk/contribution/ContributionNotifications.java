package org.cooperationdesk.contribution;

import static org.cooperationdesk.contribution.ContributionVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.notification.Addressees;
import org.cooperationdesk.notification.MailSteps;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLinks;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/** Who gets each contribution mail and what it says (wording in src/main/resources/mail/<language>/). */
@Component
class ContributionNotifications implements NotificationComposer {

    private final ContributionService contributions;
    private final PartnerRepository partners;
    private final OfficeDirectory office;
    private final PartnerLinks links;

    ContributionNotifications(ContributionService contributions, PartnerRepository partners, OfficeDirectory office,
                              PartnerLinks links) {
        this.contributions = contributions;
        this.partners = partners;
        this.office = office;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of("contribution-revision-request", "contribution-proposal-closed", "contribution-refused",
                "contribution-agreed", "tranche-paid", "contribution-report-reminder", "contribution-report-overdue",
                "contribution-report-returned", "contribution-closed", "contribution-suspended", "contribution-resumed",
                "contribution-terminated");
    }

    /**
     * The organisation reads English; the programme officer and the managers (contribution-report-overdue) each read
     * their own language: a mail that goes to both is one mail per language.
     */
    @Override
    public List<Notification> compose(String template, DelegateExecution execution) {
        Contribution contribution = contributions.contribution(ContributionDelegates.contributionId(execution));
        if (ASKING_FOR_REPORTS.contains(template)) {
            return withReportsLink(template, execution, contribution);
        }
        Addressees readers = new Addressees();
        switch (template) {
            case "contribution-report-overdue" -> readers.addAll(office.emailsByLanguage(Groups.MANAGERS));
            default -> readers.add(contribution.organisationEmail(), Language.EN);
        }
        if (WITH_OFFICER.contains(template)) {
            office.emailOf(contribution.programmeOfficer())
                    .ifPresent(email -> readers.add(email, office.languageOf(contribution.programmeOfficer())));
        }
        return readers.mails(template, language -> values(template, language, execution, contribution));
    }

    /**
     * The mails that ask the organisation for a report, or tell it which is due: each carries its personal link for the
     * contribution's reports, to the organisation alone (the programme officer's copy, a mail of its own, says where it
     * went). The link works until the end of the report's grace (ContributionSchedule.graceEnd); a later mail moves it.
     */
    private List<Notification> withReportsLink(String template, DelegateExecution execution, Contribution contribution) {
        LocalDate lastDay = ContributionSchedule.graceEnd(reportDue(template, execution, contribution));
        Instant expiresAt = links.untilEndOf(lastDay);
        String url = links.url(reportsScope(contribution), contribution.organisationEmail(), Language.EN, expiresAt,
                "link:" + MailSteps.idempotencyKey(execution));
        LocalDate validUntil = links.live(reportsScope(contribution)).map(links::lastDay).orElse(lastDay);
        List<Notification> mails = new ArrayList<>(new Addressees().add(contribution.organisationEmail(), Language.EN)
                .mails(template, language -> withLink(values(template, language, execution, contribution), url, validUntil)));
        if (WITH_OFFICER.contains(template)) {
            office.emailOf(contribution.programmeOfficer()).ifPresent(email -> mails.addAll(new Addressees()
                    .add(email, office.languageOf(contribution.programmeOfficer()))
                    .mails(template, language -> withLink(values(template, language, execution, contribution),
                            language == Language.JA ? "（機関専用の個人用リンク。機関にのみ送付しました）"
                                    : "(the organisation's personal link, sent to it alone)", validUntil))));
        }
        return mails;
    }

    /** What a contribution's reports link opens: the reports of this contribution, from its organisation. */
    static LinkScope reportsScope(Contribution contribution) {
        return LinkScope.of(LinkPurpose.CONTRIBUTION_REPORTS, contribution.reference(), contribution.organisationCode());
    }

    /** The due date of the report the mail asks for: the awaited one's, or for the agreement and a payment the next one's. */
    private LocalDate reportDue(String template, DelegateExecution execution, Contribution contribution) {
        String due = ProcessValues.text(execution, REPORT_DUE_DATE);
        return REPORT_AWAITED.contains(template) && due != null && !due.isBlank()
                ? LocalDate.parse(due.trim()) : contributions.nextReportDue(contribution.id());
    }

    private static Map<String, Object> withLink(Map<String, Object> values, String link, LocalDate validUntil) {
        values.put("link", link);
        values.put("validUntil", validUntil);
        return values;
    }

    private static final Set<String> ASKING_FOR_REPORTS = Set.of("contribution-agreed", "tranche-paid",
            "contribution-report-reminder", "contribution-report-returned");

    /** The mails sent while the process waits for a report, whose due date it holds. */
    private static final Set<String> REPORT_AWAITED = Set.of("contribution-report-reminder", "contribution-report-returned");

    /** The mails the programme officer gets a copy of. */
    private static final Set<String> WITH_OFFICER = Set.of("contribution-agreed", "contribution-report-overdue",
            "contribution-suspended", "contribution-resumed", "contribution-terminated");

    private Map<String, Object> values(String template, Language language, DelegateExecution execution,
                                       Contribution contribution) {
        boolean ja = language == Language.JA;
        Map<String, Object> values = new HashMap<>();
        values.put("reference", contribution.reference());
        values.put("organisationReference", contribution.organisationReference());
        values.put("organisation", partners.organisationName(contribution.organisationCode(), language));
        values.put("title", contribution.title());
        values.put("amount", contribution.amountText());
        values.put("startDate", contribution.startDate());
        values.put("endDate", contribution.endDate());
        values.put("programmeOfficer", office.nameOf(contribution.programmeOfficer()));
        values.put("paid", contributions.paidMoney(contribution).text());
        values.put("remaining", contributions.remainingMoney(contribution).text());

        switch (template) {
            case "contribution-revision-request" -> values.put("request", text(execution, REVISION_REQUEST, language));
            case "contribution-proposal-closed" -> values.put("note", text(execution, MISSING_REVISION_NOTE, language));
            case "contribution-refused" -> values.put("reason", ContributionDelegates.refusalReason(execution));
            case "contribution-agreed" -> {
                values.put("agreementReference", contribution.agreementReference());
                values.put("signedOn", contribution.agreementSignedOn());
                values.put("plannedTranches", contribution.plannedTranches());
                values.put("reportingIntervalMonths", contribution.reportingIntervalMonths());
                values.put("evaluation", switch (String.valueOf(contribution.evaluationLevel())) {
                    case EVALUATION_INDEPENDENT -> ja ? "独立評価" : "an independent evaluation";
                    case EVALUATION_INTERNAL -> ja ? "内部評価" : "an internal evaluation";
                    default -> ja ? "個別の評価は行わない（最終報告書をもって足りる）"
                            : "no separate evaluation (the final report suffices)";
                });
            }
            case "tranche-paid" -> {
                Tranche tranche = contributions.tranche(ProcessValues.id(execution, TRANCHE_ID));
                values.put("trancheNumber", tranche.trancheNo());
                values.put("trancheAmount", tranche.amountText());
                values.put("paidOn", tranche.paidOn());
                values.put("paymentReference", tranche.paymentReference());
                String due = dueDate(execution, language);
                values.put("nextStep", Boolean.TRUE.equals(execution.getVariable(PROGRESS_REPORT_DUE))
                        ? (ja ? "次回の進捗報告書の提出期限は" + due + "です。" : "Your next progress report is due on " + due + ".")
                        : (ja ? "最終報告書は事業終了後3か月以内に提出してください。"
                        : "Your final report is due three months after the end of the programme."));
            }
            case "contribution-report-reminder", "contribution-report-returned", "contribution-report-overdue" -> {
                values.put("reportKind", reportKind(execution, language));
                values.put("dueDate", dueDate(execution, language));
                if (template.equals("contribution-report-returned")) {
                    values.put("reason", text(execution, REPORT_RETURN_REASON, language));
                }
            }
            case "contribution-closed" -> values.put("summary", contribution.statusReason());
            case "contribution-suspended" -> values.put("reason", text(execution, SUSPENSION_REASON, language));
            case "contribution-resumed" -> {
                String note = ProcessValues.text(execution, RESUMPTION_NOTE);
                values.put("note", note == null || note.isBlank() ? "" : "\n" + note + "\n");
            }
            case "contribution-terminated" -> values.put("reason", text(execution, TERMINATION_REASON, language));
            default -> throw new IllegalArgumentException("Not a contribution template: " + template);
        }
        return values;
    }

    /** "progress report 2", "final report" as the mail's language says it: "第2回進捗報告書", "最終報告書". */
    private static String reportKind(DelegateExecution execution, Language language) {
        String kind = text(execution, REPORT_KIND, Language.EN);
        if (language != Language.JA) {
            return kind;
        }
        if (kind.startsWith("progress report ")) {
            return "第" + kind.substring("progress report ".length()) + "回進捗報告書";
        }
        return kind.equals("final report") ? "最終報告書" : kind;
    }

    /** The report's due date (a process variable in ISO form) as the mail's language writes it. */
    private static String dueDate(DelegateExecution execution, Language language) {
        String due = text(execution, REPORT_DUE_DATE, language);
        try {
            return LanguageFormats.date(LocalDate.parse(due.trim()), language);
        } catch (java.time.format.DateTimeParseException notADate) {
            return due;
        }
    }

    private static String text(DelegateExecution execution, String name, Language language) {
        String value = ProcessValues.text(execution, name);
        return value == null || value.isBlank() ? (language == Language.JA ? "理由の記載はありません" : "no reason was given") : value;
    }
}
