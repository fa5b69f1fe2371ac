package org.cooperationdesk.training;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.cooperationdesk.decision.DecisionLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** From the nominations received to the approved list: screening, ranking, proposal, checks and the decision. */
@Service
@Transactional
public class NomineeSelection {

    private final CourseRecords records;
    private final CourseLifecycle courses;
    private final DecisionLog decisions;
    private final DecisionService decisionService;

    public NomineeSelection(CourseRecords records, CourseLifecycle courses, DecisionLog decisions,
                            DecisionService decisionService) {
        this.records = records;
        this.courses = courses;
        this.decisions = decisions;
        this.decisionService = decisionService;
    }

    /**
     * Closes the nominations, screens every nomination received with the eligibility table, ranks the
     * eligible ones and proposes a selection within quota and capacity (empty when nobody is eligible).
     */
    public List<Long> screen(long courseId) {
        Course course = records.course(courseId);
        records.updateCourseStatus(courseId, CourseStatus.NOMINATIONS_CLOSED, null);
        for (Nomination nomination : records.nominations(courseId, NominationStatus.RECEIVED)) {
            DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(TraineeInvitationProcess.DECISION_ELIGIBILITY)
                    .variables(EligibilityScreening.decisionInputs(course, nomination))
                    .evaluate().getSingleResult();
            EligibilityScreening.Verdict verdict = EligibilityScreening.Verdict.of(result.getEntryMap());
            records.updateNomination(nomination.id(), verdict.eligible() ? NominationStatus.ELIGIBLE : NominationStatus.INELIGIBLE,
                    verdict.reason());
        }
        List<Nomination> ranked = SelectionRules.rank(records.nominations(courseId, NominationStatus.ELIGIBLE));
        for (int i = 0; i < ranked.size(); i++) {
            records.rank(ranked.get(i).id(), i + 1);
        }
        return SelectionRules.propose(course, ranked);
    }

    /** The eligible nominees, best ranked first, as options for the selection form. */
    public List<Map<String, String>> eligibleOptions(long courseId) {
        return records.nominations(courseId, NominationStatus.ELIGIBLE).stream()
                .map(n -> n.asOption("%d. %s (%s, %d years)".formatted(n.rankNo(), n.fullName(),
                        courses.countryName(n.countryCode()), n.yearsOfExperience())))
                .toList();
    }

    /** What is wrong with this selection, or nothing. */
    public List<String> selectionProblems(long courseId, List<Long> selectedIds) {
        return SelectionRules.problems(records.course(courseId), records.nominations(courseId, NominationStatus.ELIGIBLE),
                selectedIds, courses::countryName);
    }

    public String selectionSummary(long courseId, List<Long> selectedIds) {
        Course course = records.course(courseId);
        StringBuilder summary = new StringBuilder("Accepted (" + selectedIds.size() + " of " + course.capacity() + " places):\n");
        List<Nomination> eligible = records.nominations(courseId, NominationStatus.ELIGIBLE);
        eligible.stream().filter(n -> selectedIds.contains(n.id())).forEach(n -> summary.append(line(n)));
        summary.append("\nWaiting list:\n");
        eligible.stream().filter(n -> !selectedIds.contains(n.id())).forEach(n -> summary.append(line(n)));
        summary.append("\nNot eligible:\n");
        records.nominations(courseId, NominationStatus.INELIGIBLE).forEach(n -> summary.append(
                "- %s (%s): %s\n".formatted(n.fullName(), courses.countryName(n.countryCode()), n.reason())));
        return summary.toString();
    }

    public void recordSelectionDecision(long courseId, String outcome, String comment, String decidedBy) {
        decisions.record(CourseLifecycle.SUBJECT_TYPE, records.course(courseId).reference(), "selection list", outcome,
                comment, decidedBy);
    }

    /** Accepts the selection; eligible others wait in rank order, ineligible ones get a regret. */
    public void recordSelection(long courseId, List<Long> selectedIds) {
        for (Nomination nomination : records.nominations(courseId, NominationStatus.ELIGIBLE)) {
            records.updateNomination(nomination.id(),
                    selectedIds.contains(nomination.id()) ? NominationStatus.ACCEPTED : NominationStatus.WAITING, null);
        }
        records.nominations(courseId, NominationStatus.INELIGIBLE)
                .forEach(n -> records.updateNomination(n.id(), NominationStatus.REGRETTED, null));
        records.updateCourseStatus(courseId, CourseStatus.SELECTED, null);
    }

    private static String line(Nomination n) {
        return "%d. %s (%s, %d years)\n".formatted(n.rankNo(), n.fullName(), n.countryCode(), n.yearsOfExperience());
    }
}
