package org.cooperationdesk.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.notification.Recipient;
import org.cooperationdesk.partner.Currencies;
import org.cooperationdesk.partner.PartnerRepository;
import org.cooperationdesk.partner.YenValue;
import org.cooperationdesk.people.PersonRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's rules for meetings; the meeting organisation process's delegates call it. */
@Service
@Transactional
public class MeetingService {

    public static final String SUBJECT_TYPE = "MEETING";
    static final int REMINDER_DAYS_BEFORE_DEADLINE = 7;
    static final int GRACE_DAYS_AFTER_FOLLOW_UP = 7;

    /** A delegation member as named by the government. */
    public record Member(String fullName, String email, String passportNumber, LocalDate passportExpiry) {
    }

    private final MeetingRecords records;
    private final PersonRegistry people;
    private final PartnerRepository partners;
    private final Currencies currencies;
    private final DecisionLog decisions;
    private final Clock clock;
    private final List<String> ministerialRecipients;

    public MeetingService(MeetingRecords records, PersonRegistry people, PartnerRepository partners, DecisionLog decisions,
                          Clock clock, MeetingSettings settings, Currencies currencies) {
        this.currencies = currencies;
        this.records = records;
        this.people = people;
        this.partners = partners;
        this.decisions = decisions;
        this.clock = clock;
        this.ministerialRecipients = settings.ministerialRecipients();
    }

    /** Records the meeting with its budget's yen value at the office's latest rate, and its invitations. */
    public Meeting open(Meeting draft, Collection<String> invitedCountries, String plannedBy, String processInstanceId) {
        YenValue budget = currencies.yenValue(draft.budgetMoney(), now().toLocalDate()).orElseThrow(() ->
                new IllegalStateException("No yen rate is recorded for " + draft.budgetCurrency()));
        Meeting meeting = records.insertMeeting(draft.withBudgetYen(budget), plannedBy, processInstanceId, now());
        invitedCountries.stream().distinct().sorted().forEach(country -> records.invite(meeting.id(), country));
        return meeting;
    }

    public Meeting meeting(long meetingId) {
        return records.meeting(meetingId);
    }

    public List<String> invitedCountries(long meetingId) {
        return List.copyOf(records.invitationStatuses(meetingId).keySet());
    }

    public String nominationDeadlineAt(Meeting meeting) {
        return meeting.nominationDeadline().atTime(LocalTime.of(23, 59, 59)).toString();
    }

    public String nominationReminderAt(Meeting meeting) {
        LocalDateTime reminder = meeting.nominationDeadline().minusDays(REMINDER_DAYS_BEFORE_DEADLINE).atTime(9, 0);
        return (reminder.isBefore(now()) ? now().plusMinutes(1) : reminder).withNano(0).toString();
    }

    /** After an embassy follow-up that obtained the names: a week to record them. */
    public String graceDeadlineAt() {
        return LocalDate.now(clock).plusDays(GRACE_DAYS_AFTER_FOLLOW_UP).atTime(LocalTime.of(23, 59, 59)).toString();
    }

    /** The government's delegation: the first member heads it. */
    public List<Long> recordDelegation(long meetingId, String countryCode, List<Member> members) {
        List<Long> ids = new ArrayList<>();
        String nationality = countryName(countryCode);
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            ids.add(records.insertDelegate(meetingId, countryCode, people.findOrAdd(member.fullName(), member.email(), nationality),
                    member.fullName(), member.email(), i == 0 ? Delegate.HEAD : Delegate.MEMBER, member.passportNumber(),
                    member.passportExpiry()));
        }
        records.markInvitation(meetingId, countryCode, InvitationStatus.NOMINATED, null);
        return ids;
    }

    public void recordDecline(long meetingId, String countryCode, String reason) {
        records.markInvitation(meetingId, countryCode, InvitationStatus.DECLINED, reason);
    }

    /** The embassy follow-up after a missed deadline: who did what, and what came of it. */
    public void recordFollowUp(long meetingId, String countryCode, String outcome, String note, String decidedBy) {
        decisions.record(SUBJECT_TYPE, records.meeting(meetingId).reference(), "embassy follow-up " + countryCode, outcome,
                note, decidedBy);
        switch (outcome) {
            case "declined" -> records.markInvitation(meetingId, countryCode, InvitationStatus.DECLINED, note);
            case "no_answer" -> records.markInvitation(meetingId, countryCode, InvitationStatus.NO_DELEGATION, note);
            default -> records.markInvitation(meetingId, countryCode, InvitationStatus.FOLLOWED_UP, note);
        }
    }

    public void register(long meetingId, String countryCode, String funding, String hotel, String travel, boolean visaLetters) {
        records.register(meetingId, countryCode, funding, hotel, travel, visaLetters);
    }

    public void freeze(long meetingId) {
        records.freeze(meetingId, true);
        records.markMeeting(meetingId, MeetingStatus.FROZEN);
    }

    public void recordDecision(long meetingId, String kind, String outcome, String comment, String decidedBy) {
        decisions.record(SUBJECT_TYPE, records.meeting(meetingId).reference(), kind, outcome, comment, decidedBy);
    }

    public void approveAgenda(long meetingId, String agenda) {
        records.saveAgenda(meetingId, agenda);
    }

    public void approveSummary(long meetingId, String summary, String recommendations) {
        records.saveSummary(meetingId, summary, recommendations);
    }

    public void recordFieldVisit(long meetingId, String permission, LocalDate visitDate, String transport) {
        if (permission != null) {
            records.saveSitePermission(meetingId, permission, visitDate);
        }
        if (transport != null) {
            records.saveTransport(meetingId, transport);
        }
    }

    public List<Delegate> delegates(long meetingId) {
        return records.delegates(meetingId);
    }

    /** The delegates still registered (named, neither removed nor cancelled), as options of the attendance list. */
    public List<Map<String, String>> delegateOptions(long meetingId) {
        return records.delegates(meetingId).stream().filter(Delegate::isRegistered).map(d -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", "%s (%s%s)".formatted(d.fullName(), countryName(d.countryCode()),
                    Delegate.HEAD.equals(d.role()) ? ", head of delegation" : ""));
            option.put("value", String.valueOf(d.id()));
            return option;
        }).toList();
    }

    /** Returns how many attended: with nobody, the meeting was not held and a manager decides what next. */
    public int recordAttendance(long meetingId, Collection<Long> attendedIds) {
        int attended = 0;
        for (Delegate delegate : records.delegates(meetingId)) {
            if (delegate.isRegistered()) {
                boolean present = attendedIds.contains(delegate.id());
                records.markDelegate(delegate.id(), present ? DelegateStatus.ATTENDED : DelegateStatus.ABSENT);
                attended += present ? 1 : 0;
            }
        }
        if (attended > 0) {
            records.markMeeting(meetingId, MeetingStatus.HELD);
        }
        return attended;
    }

    /** The chair's summary goes to every participant and to the related ministerial meetings. */
    public List<Recipient> summaryRecipients(long meetingId) {
        List<Recipient> recipients = new ArrayList<>();
        records.delegates(meetingId).stream().filter(d -> d.status() == DelegateStatus.ATTENDED)
                .forEach(d -> recipients.add(Recipient.delegate(d.id())));
        ministerialRecipients.forEach(address -> recipients.add(Recipient.address(address)));
        return recipients;
    }

    public void close(long meetingId) {
        records.close(meetingId, MeetingStatus.CLOSED, null, now());
    }

    /** A change requested after the freeze; it waits for a manager. Returns its id. */
    public long requestChange(long meetingId, String countryCode, Long replacesId, Member member, String reason,
                              String requestedBy) {
        return records.insertChange(meetingId, countryCode, replacesId, member == null ? null : member.fullName(),
                member == null ? null : member.email(), member == null ? null : member.passportNumber(),
                member == null ? null : member.passportExpiry(), reason, requestedBy, now());
    }

    public String describeChange(long changeId) {
        MeetingRecords.Change change = records.change(changeId);
        String country = countryName(change.countryCode());
        String replaced = change.replacesId() == null ? null : records.delegate(change.replacesId()).fullName();
        String what = change.fullName() == null ? "Remove " + replaced + " from the delegation of " + country
                : replaced == null ? "Add " + change.fullName() + " to the delegation of " + country
                : "Replace " + replaced + " by " + change.fullName() + " in the delegation of " + country;
        return what + ".\nReason: " + change.reason();
    }

    public void applyChange(long changeId) {
        MeetingRecords.Change change = records.change(changeId);
        if (change.replacesId() != null) {
            records.markDelegate(change.replacesId(), DelegateStatus.REMOVED);
        }
        if (change.fullName() != null) {
            records.insertDelegate(change.meetingId(), change.countryCode(),
                    people.findOrAdd(change.fullName(), change.email(), countryName(change.countryCode())),
                    change.fullName(), change.email(), Delegate.MEMBER, change.passportNumber(), change.passportExpiry());
        }
        records.markChange(changeId, ChangeStatus.APPLIED);
    }

    public void refuseChange(long changeId) {
        records.markChange(changeId, ChangeStatus.REFUSED);
    }

    /** New dates: everyone invited (who has not declined) and every delegate is told. */
    public List<Recipient> postpone(long meetingId, LocalDate start, LocalDate end, String reason) {
        reschedule(meetingId, start, end);
        decisions.record(SUBJECT_TYPE, records.meeting(meetingId).reference(), "postponement", "postponed",
                "new dates " + start + " to " + end + ": " + reason, null);
        return everyoneConcerned(meetingId);
    }

    /** New dates, nothing else: the calendar's SEQUENCE rises; who decided and who is told is the caller's business. */
    public void reschedule(long meetingId, LocalDate start, LocalDate end) {
        records.reschedule(meetingId, start, end);
    }

    /**
     * After a postponement for want of delegates: a new answer deadline, every invited government invited again,
     * the delegate list open again.
     */
    public Meeting reopenDelegationRound(long meetingId, LocalDate answerDeadline) {
        records.moveNominationDeadline(meetingId, answerDeadline);
        records.inviteAgain(meetingId);
        records.freeze(meetingId, false);
        records.markMeeting(meetingId, MeetingStatus.PLANNED);
        return records.meeting(meetingId);
    }

    public List<Recipient> cancel(long meetingId, String reason) {
        List<Recipient> recipients = everyoneConcerned(meetingId);
        closeAsCancelled(meetingId, reason);
        decisions.record(SUBJECT_TYPE, records.meeting(meetingId).reference(), "cancellation", "cancelled", reason, null);
        return recipients;
    }

    /**
     * A meeting nobody will attend is cancelled: every invited government is told, those that declined
     * included, and every delegate still named or who did not come. The manager's decision is logged by the task.
     */
    public List<Recipient> cancelWithoutDelegates(long meetingId, String reason) {
        List<Recipient> recipients = new ArrayList<>();
        records.invitationStatuses(meetingId).keySet().forEach(country -> recipients.add(Recipient.country(country)));
        records.delegates(meetingId).stream()
                .filter(d -> d.isRegistered() || d.status() == DelegateStatus.ABSENT)
                .forEach(d -> recipients.add(Recipient.delegate(d.id())));
        closeAsCancelled(meetingId, reason);
        return recipients;
    }

    private void closeAsCancelled(long meetingId, String reason) {
        records.close(meetingId, MeetingStatus.CANCELLED, reason, now());
        records.delegates(meetingId).stream().filter(Delegate::isRegistered)
                .forEach(d -> records.markDelegate(d.id(), DelegateStatus.CANCELLED));
    }

    /** Each government's answer with its reason, and what became of its delegates: what a manager reads to decide. */
    public String countryAnswers(long meetingId) {
        Map<String, List<Delegate>> delegatesByCountry = new LinkedHashMap<>();
        records.delegates(meetingId).forEach(d ->
                delegatesByCountry.computeIfAbsent(d.countryCode(), country -> new ArrayList<>()).add(d));
        List<String> lines = new ArrayList<>();
        records.answers(meetingId).forEach((country, answer) -> {
            StringBuilder line = new StringBuilder(countryName(country)).append(": ").append(switch (answer.status()) {
                case INVITED -> "no answer";
                case NOMINATED -> "delegation named";
                case DECLINED -> "declined";
                case NO_DELEGATION -> "no delegation after the embassy's follow-up";
                case FOLLOWED_UP -> "names promised through the embassy, never recorded";
            });
            if (answer.reason() != null && !answer.reason().isBlank()) {
                line.append(" (").append(answer.reason()).append(')');
            }
            List<Delegate> delegates = delegatesByCountry.getOrDefault(country, List.of());
            if (!delegates.isEmpty()) {
                line.append("; delegates: ").append(String.join(", ", delegates.stream()
                        .map(d -> d.fullName() + " " + d.status().name().toLowerCase(java.util.Locale.ROOT)).toList()));
            }
            lines.add(line.toString());
        });
        return String.join("\n", lines);
    }

    private List<Recipient> everyoneConcerned(long meetingId) {
        List<Recipient> recipients = new ArrayList<>();
        records.invitationStatuses(meetingId).forEach((country, status) -> {
            if (!status.sendsNobody()) {
                recipients.add(Recipient.country(country));
            }
        });
        records.delegates(meetingId).stream().filter(Delegate::isRegistered)
                .forEach(d -> recipients.add(Recipient.delegate(d.id())));
        return recipients;
    }

    public Delegate delegate(long delegateId) {
        return records.delegate(delegateId);
    }

    public String countryName(String code) {
        return partners.countryName(code);
    }

    public String channelAddress(String countryCode) {
        return partners.channelAddress(countryCode);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
