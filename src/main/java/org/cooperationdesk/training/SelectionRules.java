package org.cooperationdesk.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cooperationdesk.form.ValidationMessages;

/** The office's rules for choosing trainees among eligible nominees; no database, no engine. */
final class SelectionRules {

    private SelectionRules() {
    }

    /** More experience first; between equals, the nomination received first. */
    static List<Nomination> rank(List<Nomination> eligible) {
        return eligible.stream()
                .sorted(Comparator.comparing((Nomination n) -> n.yearsOfExperience() == null ? 0 : n.yearsOfExperience())
                        .reversed().thenComparing(Nomination::id))
                .toList();
    }

    /** The best ranked nominees that fit each country's quota and the course's capacity, in rank order. */
    static List<Long> propose(Course course, List<Nomination> ranked) {
        Map<String, Integer> perCountry = new HashMap<>();
        List<Long> selected = new ArrayList<>();
        for (Nomination nomination : ranked) {
            if (selected.size() < course.capacity()
                    && perCountry.merge(nomination.countryCode(), 1, Integer::sum) <= course.quotaPerCountry()) {
                selected.add(nomination.id());
            }
        }
        return selected;
    }

    /** What is wrong with this selection among the eligible nominees, or nothing. */
    static List<String> problems(Course course, List<Nomination> eligible, List<Long> selectedIds,
                                 Function<String, String> countryName) {
        Map<Long, Nomination> byId = eligible.stream().collect(Collectors.toMap(Nomination::id, n -> n));
        List<String> problems = new ArrayList<>();
        if (selectedIds.stream().anyMatch(id -> !byId.containsKey(id))) {
            problems.add(ValidationMessages.render("training.selection.onlyEligible"));
            return problems;
        }
        if (selectedIds.size() > course.capacity()) {
            problems.add(ValidationMessages.render("training.selection.overCapacity", selectedIds.size(), course.capacity()));
        }
        selectedIds.stream().distinct().map(byId::get)
                .collect(Collectors.groupingBy(Nomination::countryCode, java.util.TreeMap::new, Collectors.counting()))
                .forEach((country, count) -> {
                    if (count > course.quotaPerCountry()) {
                        problems.add(ValidationMessages.render("training.selection.overQuota", countryName.apply(country), count,
                                course.quotaPerCountry()));
                    }
                });
        return problems;
    }
}
