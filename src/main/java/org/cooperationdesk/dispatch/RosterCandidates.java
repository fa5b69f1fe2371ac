package org.cooperationdesk.dispatch;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.cooperationdesk.dispatch.DispatchService.Candidate;
import org.cooperationdesk.form.ValidationMessages;
import org.cooperationdesk.people.Expert;

/**
 * Who on the roster could go for a request, best match first: available on the start date, medical and vaccination
 * clearance valid to the mission's last day, not tried already for this request; ranked by matching skills, then
 * matching languages, then name. Only the best {@link #SHOWN} are offered (the list is a process variable).
 */
final class RosterCandidates {

    static final int SHOWN = 25;

    private RosterCandidates() {
    }

    static List<Candidate> rank(List<Expert> roster, DispatchRequest request, Collection<Long> tried) {
        Set<String> skills = words(request.skillsNeeded());
        Set<String> languages = words(request.languagesNeeded());
        return roster.stream()
                .filter(expert -> !tried.contains(expert.id()))
                .filter(expert -> whyNot(expert, request).isEmpty())
                .map(expert -> new Candidate(expert,
                        (int) expert.skills().stream().filter(skills::contains).count(),
                        (int) expert.languages().stream().filter(languages::contains).count()))
                .sorted(Comparator.comparingInt(Candidate::matchingSkills).reversed()
                        .thenComparing(Comparator.comparingInt(Candidate::matchingLanguages).reversed())
                        .thenComparing(candidate -> candidate.expert().fullName()))
                .limit(SHOWN)
                .toList();
    }

    /** Why this expert cannot be offered for this request, or an empty string when they can. */
    static String whyNot(Expert expert, DispatchRequest request) {
        if (!expert.availableOn(request.startDate())) {
            return ValidationMessages.render("dispatch.expertUnavailable", expert.fullName(),
                    ValidationMessages.render("availability." + expert.availability().name().toLowerCase(Locale.ROOT)));
        }
        if (!expert.clearedOn(request.plannedEndDate())) {
            return ValidationMessages.render("dispatch.clearanceExpires", expert.fullName());
        }
        return "";
    }

    static Set<String> words(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(word -> word.trim().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }
}
