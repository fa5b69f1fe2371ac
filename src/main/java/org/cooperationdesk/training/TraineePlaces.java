package org.cooperationdesk.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cooperationdesk.partner.Currencies;
import org.cooperationdesk.partner.Money;
import org.cooperationdesk.partner.YenValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The places of a course: arrival of each trainee, withdrawals, no-shows and replacement from the waiting list. */
@Service
@Transactional
public class TraineePlaces {

    private final CourseRecords records;
    private final CourseLifecycle courses;
    private final Clock clock;

    private final Currencies currencies;

    public TraineePlaces(CourseRecords records, CourseLifecycle courses, Clock clock, Currencies currencies) {
        this.currencies = currencies;
        this.records = records;
        this.courses = courses;
        this.clock = clock;
    }

    /** The course's nominations in these statuses, in the order received. */
    public List<Long> ids(long courseId, NominationStatus... statuses) {
        Set<NominationStatus> wanted = Set.of(statuses);
        return records.nominations(courseId).stream().filter(n -> wanted.contains(n.status())).map(Nomination::id).toList();
    }

    /** These nominees as options of a form's checklist. */
    public List<Map<String, String>> options(List<Long> nominationIds) {
        return nominationIds.stream().map(records::nomination)
                .map(n -> n.asOption("%s (%s)".formatted(n.fullName(), courses.countryName(n.countryCode())))).toList();
    }

    public void withdraw(long nominationId, String reason) {
        Nomination nomination = records.nomination(nominationId);
        if (nomination.status() != NominationStatus.ACCEPTED) {
            throw new IllegalStateException(nomination.fullName() + " is " + nomination.status().name().toLowerCase()
                    + ", not an accepted trainee");
        }
        records.updateNomination(nominationId, NominationStatus.WITHDRAWN, reason);
    }

    /** Fills a vacated place from the waiting list ({@link WaitingList}); the replacement is accepted. */
    public Optional<Long> findReplacement(long courseId, long vacatedNominationId) {
        Course course = records.course(courseId);
        Nomination vacated = records.nomination(vacatedNominationId);
        Optional<Nomination> replacement = WaitingList.replacementFor(vacated,
                records.nominations(courseId, NominationStatus.WAITING), LocalDate.now(clock), course.startDate());
        replacement.ifPresent(n -> records.updateNomination(n.id(), NominationStatus.ACCEPTED, "replaces " + vacated.fullName()));
        return replacement.map(Nomination::id);
    }

    /**
     * The trainee's visa letter, flight, lodging and allowance, with the allowance's yen value at the office's rate.
     * This runs as the form is completed, just before the form's rules are checked in the same transaction: an
     * allowance in a currency without a rate is written without a yen value here, and the rules then refuse the
     * form (the currency field, {@code AmountRules}) and roll it all back.
     */
    public void recordArrivalPreparation(long nominationId, String visaLetter, String flight, BigDecimal allowance,
                                         String allowanceCurrency, String lodging) {
        Money money = allowance == null || allowanceCurrency == null ? null : new Money(allowance, allowanceCurrency);
        YenValue yen = money == null ? null : currencies.yenValue(money, LocalDate.now(clock))
                .orElse(new YenValue(money, null, null));
        records.recordArrivalPreparation(nominationId, visaLetter, flight, yen, lodging);
    }

    public void recordArrival(long nominationId, boolean arrived, String note) {
        records.recordArrival(nominationId, arrived ? NominationStatus.ARRIVED : NominationStatus.NO_SHOW, note);
    }

    /** How each place ended, for the office deciding on a course that nobody arrived for. */
    public String placesReport(long courseId) {
        StringBuilder report = new StringBuilder();
        records.nominations(courseId).stream()
                .filter(n -> Set.of(NominationStatus.NO_SHOW, NominationStatus.WITHDRAWN).contains(n.status()))
                .forEach(n -> report.append("- %s (%s): %s\n".formatted(n.fullName(), courses.countryName(n.countryCode()),
                        n.status() == NominationStatus.NO_SHOW ? "did not arrive" : "withdrew")));
        return report.isEmpty() ? "No trainee arrived.\n" : "No trainee arrived:\n" + report;
    }
}
