package org.cooperationdesk.training;

import static org.cooperationdesk.training.TrainingVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cooperationdesk.form.FormValues;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.letter.GovernmentAddress;
import org.cooperationdesk.letter.LetterKind;
import org.cooperationdesk.letter.LetterRequest;
import org.cooperationdesk.notification.MailSteps;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationComposer;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.portal.LinkPurpose;
import org.cooperationdesk.portal.LinkScope;
import org.cooperationdesk.portal.PartnerLinks;
import org.springframework.stereotype.Component;

/**
 * Who gets each training mail, what it says (wording in src/main/resources/mail/en/) and the letter it carries: the course
 * announcement to each government (with, as its reminder and the extension notice, the government's personal link to
 * nominate online), the acceptance or regret letter to each nominee (an acceptance to a replacement
 * from the waiting list too), the certificate to each trainee certified (letter/).
 */
@Component
class TrainingNotifications implements NotificationComposer {

    private final CourseLifecycle courses;
    private final CourseCompletion completion;
    private final PartnerRepository partners;
    private final PartnerLinks links;

    TrainingNotifications(CourseLifecycle courses, CourseCompletion completion, PartnerRepository partners, PartnerLinks links) {
        this.links = links;
        this.courses = courses;
        this.completion = completion;
        this.partners = partners;
    }

    @Override
    public Set<String> templates() {
        return Set.of(TraineeInvitationProcess.TEMPLATE_COURSE_ANNOUNCEMENT, TraineeInvitationProcess.TEMPLATE_NOMINATION_REMINDER,
                "selection-notice", "replacement-notice",
                "certificate", "final-report-reminder", "course-cancelled",
                TraineeInvitationProcess.TEMPLATE_NOMINATION_EXTENDED, TraineeInvitationProcess.TEMPLATE_COURSE_NOT_HELD);
    }

    /** Every training mail goes to partners (governments' focal points, nominees, trainees): one English mail. */
    @Override
    public List<Notification> compose(String template, DelegateExecution execution) {
        return List.of(english(template, execution));
    }

    private Notification english(String template, DelegateExecution execution) {
        Course course = courses.course(TrainingDelegates.courseId(execution));
        Map<String, Object> values = new HashMap<>();
        values.put("courseReference", course.reference());
        values.put("title", course.title());
        values.put("place", course.place());
        values.put("startDate", course.startDate());
        values.put("endDate", course.endDate());
        values.put("nominationDeadline", course.nominationDeadline());
        values.put("quotaPerCountry", course.quotaPerCountry());
        values.put("minExperienceYears", course.minExperienceYears());
        values.put("maxAge", course.maxAge());
        values.put("language", course.language());
        values.put("finalReportDue", completion.finalReportDue(course));

        return switch (template) {
            case TraineeInvitationProcess.TEMPLATE_COURSE_ANNOUNCEMENT, TraineeInvitationProcess.TEMPLATE_NOMINATION_REMINDER,
                 TraineeInvitationProcess.TEMPLATE_NOMINATION_EXTENDED, TraineeInvitationProcess.TEMPLATE_COURSE_NOT_HELD -> {
                String country = FormValues.text(execution.getVariable(COUNTRY_CODE));
                String address = courses.channelAddress(country);
                values.put("country", courses.countryName(country));
                if (template.equals(TraineeInvitationProcess.TEMPLATE_COURSE_NOT_HELD)) {
                    values.put("reason", FormValues.text(execution.getVariable(NOT_HELD_REASON)));
                }
                // The letter is kept and may travel through an embassy: the personal link goes in the mail only.
                LetterRequest letter = template.equals(TraineeInvitationProcess.TEMPLATE_COURSE_ANNOUNCEMENT)
                        ? announcement(course, country, values) : null;
                if (!template.equals(TraineeInvitationProcess.TEMPLATE_COURSE_NOT_HELD)) {
                    values.put("link", nominationLink(course, country, address, execution));
                }
                Notification mail = new Notification(template, List.of(address), values);
                yield letter == null ? mail : mail.carrying(letter);
            }
            case "selection-notice" -> {
                Nomination nomination = nomination(execution, NOMINATION_ID);
                Notification mail = toNominee(template, nomination, values);
                yield switch (nomination.status()) {
                    case ACCEPTED -> mail.carrying(toNominee(LetterKind.ACCEPTANCE_LETTER, course, nomination, values));
                    case REGRETTED -> mail.carrying(toNominee(LetterKind.REGRET_LETTER, course, nomination, values));
                    default -> mail;
                };
            }
            case "certificate" -> {
                Nomination nomination = nomination(execution, NOMINATION_ID);
                Notification mail = toNominee(template, nomination, values);
                // The certificate is in English and Japanese: the country's Japanese name for its Japanese lines.
                Map<String, Object> bilingual = new HashMap<>(values);
                bilingual.put("countryJa", partners.countryName(nomination.countryCode(), Language.JA));
                yield mail.carrying(
                        toNominee(LetterKind.CERTIFICATE, course, nomination, bilingual).numbered(nomination.certificateNumber()));
            }
            case "final-report-reminder" -> toNominee(template, nomination(execution, NOMINATION_ID), values);
            case "replacement-notice" -> {
                Nomination nomination = nomination(execution, PLACE_NOMINATION_ID);
                Notification mail = toNominee(template, nomination, values);
                Map<String, Object> fromWaitingList = new HashMap<>(values);
                fromWaitingList.put("fromWaitingList", true);
                yield mail.carrying(toNominee(LetterKind.ACCEPTANCE_LETTER, course, nomination, fromWaitingList));
            }
            case "course-cancelled" -> {
                values.put("reason", String.valueOf(execution.getVariable(CANCELLATION_REASON)));
                Recipient recipient = Recipient.parse(FormValues.text(execution.getVariable(RECIPIENT_KEY)));
                if (recipient.kind() == Recipient.Kind.COUNTRY) {
                    values.put("addressee", "colleagues");
                    yield new Notification(template, List.of(courses.channelAddress(recipient.id())), values);
                }
                Nomination nomination = courses.nomination(recipient.recordId());
                values.put("addressee", nomination.fullName());
                yield new Notification(template, List.of(nomination.email()), values);
            }
            default -> throw new IllegalArgumentException("Not a training template: " + template);
        };
    }

    /**
     * The government's personal link for its nominations to the course: the same in every mail of the course, working
     * to the end of the nomination deadline (moved with an extension); a retried mail step mails the same link.
     */
    private String nominationLink(Course course, String country, String address, DelegateExecution execution) {
        return links.url(LinkScope.of(LinkPurpose.COURSE_NOMINATIONS, course.reference(), country), address, Language.EN,
                links.untilEndOf(course.nominationDeadline()), "link:" + MailSteps.idempotencyKey(execution));
    }

    /** The course announcement to a government, through the channel the office writes to. */
    private LetterRequest announcement(Course course, String country, Map<String, Object> values) {
        GovernmentAddress address = GovernmentAddress.of(partners.country(country).orElseThrow());
        Map<String, Object> letter = new HashMap<>(values);
        letter.put("counterpart", address.counterpart());
        return LetterRequest.of(LetterKind.COURSE_ANNOUNCEMENT, course.reference(), address.lines(), letter)
                .fileNamedFor(country);
    }

    /** A letter to a nominee (values as {@link #toNominee(String, Nomination, Map)} left them), kept on their page too. */
    private LetterRequest toNominee(LetterKind kind, Course course, Nomination nomination, Map<String, Object> values) {
        LetterRequest letter = LetterRequest.of(kind, course.reference(),
                List.of(nomination.fullName(), courses.countryName(nomination.countryCode())), values)
                .fileNamedFor(String.valueOf(nomination.id()));
        return courses.personOfNomination(nomination.id()).map(letter::toPerson).orElse(letter);
    }

    private Nomination nomination(DelegateExecution execution, String variable) {
        return courses.nomination(FormValues.number(execution.getVariable(variable)).longValue());
    }

    private Notification toNominee(String template, Nomination nomination, Map<String, Object> values) {
        values.put("traineeName", nomination.fullName());
        values.put("country", courses.countryName(nomination.countryCode()));
        values.put("decision", switch (nomination.status()) {
            case ACCEPTED -> "We are pleased to inform you that you have been accepted for this course.";
            case WAITING -> "All places are taken for now. You are on the waiting list (rank " + nomination.rankNo()
                    + ") and will be told at once if a place becomes free.";
            case REGRETTED -> "We regret that we cannot accept you for this course. Reason: " + nomination.reason() + ".";
            default -> "Your nomination is " + nomination.status().name().toLowerCase() + ".";
        });
        if (nomination.certificateNumber() != null) {
            values.put("certificateNumber", nomination.certificateNumber());
        }
        if (nomination.reason() != null) {
            values.put("reason", nomination.reason());
        }
        // The government is told too: it nominated the candidate.
        return new Notification(template, List.of(nomination.email(), courses.channelAddress(nomination.countryCode())), values);
    }
}
