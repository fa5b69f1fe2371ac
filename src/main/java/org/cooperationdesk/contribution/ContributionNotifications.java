package org.cooperationdesk.contribution;

import static org.cooperationdesk.contribution.ContributionVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.form.ProcessValues;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/** Who gets each contribution mail and what it says (wording in src/main/resources/mail/). */
@Component
class ContributionNotifications implements NotificationComposer {

    private final ContributionService contributions;
    private final PartnerRepository partners;
    private final OfficeDirectory office;

    ContributionNotifications(ContributionService contributions, PartnerRepository partners, OfficeDirectory office) {
        this.contributions = contributions;
        this.partners = partners;
        this.office = office;
    }

    @Override
    public Set<String> templates() {
        return Set.of("contribution-revision-request", "contribution-proposal-closed", "contribution-refused",
                "contribution-agreed", "tranche-paid", "contribution-report-reminder", "contribution-report-overdue",
                "contribution-report-returned", "contribution-closed", "contribution-suspended", "contribution-resumed",
                "contribution-terminated");
    }

    @Override
    public Notification compose(String template, DelegateExecution execution) {
        Contribution contribution = contributions.contribution(ContributionDelegates.contributionId(execution));
        Map<String, Object> values = new HashMap<>();
        values.put("reference", contribution.reference());
        values.put("organisationReference", contribution.organisationReference());
        values.put("organisation", partners.organisationName(contribution.organisationCode()));
        values.put("title", contribution.title());
        values.put("amount", contribution.amountText());
        values.put("startDate", contribution.startDate());
        values.put("endDate", contribution.endDate());
        values.put("programmeOfficer", office.nameOf(contribution.programmeOfficer()));
        values.put("paid", contributions.paidMoney(contribution).text());
        values.put("remaining", contributions.remainingMoney(contribution).text());

        List<String> organisation = List.of(contribution.organisationEmail());
        return switch (template) {
            case "contribution-revision-request" -> {
                values.put("request", text(execution, REVISION_REQUEST));
                yield new Notification(template, organisation, values);
            }
            case "contribution-proposal-closed" -> {
                values.put("note", text(execution, MISSING_REVISION_NOTE));
                yield new Notification(template, organisation, values);
            }
            case "contribution-refused" -> {
                values.put("reason", ContributionDelegates.refusalReason(execution));
                yield new Notification(template, organisation, values);
            }
            case "contribution-agreed" -> {
                values.put("agreementReference", contribution.agreementReference());
                values.put("signedOn", contribution.agreementSignedOn());
                values.put("plannedTranches", contribution.plannedTranches());
                values.put("reportingIntervalMonths", contribution.reportingIntervalMonths());
                values.put("evaluation", switch (String.valueOf(contribution.evaluationLevel())) {
                    case EVALUATION_INDEPENDENT -> "an independent evaluation";
                    case EVALUATION_INTERNAL -> "an internal evaluation";
                    default -> "no separate evaluation (the final report suffices)";
                });
                yield new Notification(template, withOfficer(organisation, contribution), values);
            }
            case "tranche-paid" -> {
                Tranche tranche = contributions.tranche(ProcessValues.id(execution, TRANCHE_ID));
                values.put("trancheNumber", tranche.trancheNo());
                values.put("trancheAmount", tranche.amountText());
                values.put("paidOn", tranche.paidOn());
                values.put("paymentReference", tranche.paymentReference());
                values.put("nextStep", Boolean.TRUE.equals(execution.getVariable(PROGRESS_REPORT_DUE))
                        ? "Your next progress report is due on " + text(execution, REPORT_DUE_DATE) + "."
                        : "Your final report is due three months after the end of the programme.");
                yield new Notification(template, organisation, values);
            }
            case "contribution-report-reminder", "contribution-report-returned" -> {
                values.put("reportKind", text(execution, REPORT_KIND));
                values.put("dueDate", text(execution, REPORT_DUE_DATE));
                if (template.equals("contribution-report-returned")) {
                    values.put("reason", text(execution, REPORT_RETURN_REASON));
                }
                yield new Notification(template, organisation, values);
            }
            case "contribution-report-overdue" -> {
                values.put("reportKind", text(execution, REPORT_KIND));
                values.put("dueDate", text(execution, REPORT_DUE_DATE));
                yield new Notification(template, withOfficer(office.emailsOf(Groups.MANAGERS), contribution), values);
            }
            case "contribution-closed" -> {
                values.put("summary", contribution.statusReason());
                yield new Notification(template, organisation, values);
            }
            case "contribution-suspended" -> {
                values.put("reason", text(execution, SUSPENSION_REASON));
                yield new Notification(template, withOfficer(organisation, contribution), values);
            }
            case "contribution-resumed" -> {
                String note = ProcessValues.text(execution, RESUMPTION_NOTE);
                values.put("note", note == null || note.isBlank() ? "" : "\n" + note + "\n");
                yield new Notification(template, withOfficer(organisation, contribution), values);
            }
            case "contribution-terminated" -> {
                values.put("reason", text(execution, TERMINATION_REASON));
                yield new Notification(template, withOfficer(organisation, contribution), values);
            }
            default -> throw new IllegalArgumentException("Not a contribution template: " + template);
        };
    }

    private List<String> withOfficer(List<String> recipients, Contribution contribution) {
        List<String> all = new ArrayList<>(recipients);
        office.emailOf(contribution.programmeOfficer()).filter(email -> !all.contains(email)).ifPresent(all::add);
        return all;
    }

    private static String text(DelegateExecution execution, String name) {
        String value = ProcessValues.text(execution, name);
        return value == null || value.isBlank() ? "no reason was given" : value;
    }
}
