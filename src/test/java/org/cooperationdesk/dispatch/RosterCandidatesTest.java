package org.cooperationdesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cooperationdesk.dispatch.DispatchService.Candidate;
import org.cooperationdesk.people.Availability;
import org.cooperationdesk.people.Expert;
import org.junit.jupiter.api.Test;

/** Who on the roster is offered for a request, without a Spring context. */
class RosterCandidatesTest {

    static final LocalDate START = LocalDate.of(2030, 3, 1);
    /** 14 days from 1 March: the mission's last day is 14 March. */
    static final DispatchRequest REQUEST = new DispatchRequest(1, "DR-2030-0001", "WHO", "GOARN-1", "goarn@who.example",
            "PH", "Outbreak support", "ToR", "epidemiology, logistics", "english, french", START, 14,
            BigDecimal.TEN, "JPY", BigDecimal.TEN, null, "REQUESTER", RequestStatus.MATCHING, "coordinator", null);

    static Expert expert(long id, String name, Availability availability, LocalDate availableFrom, LocalDate clearedUntil,
                         List<String> skills, List<String> languages) {
        return new Expert(id, name, name.toLowerCase() + "@x.example", "JP", "Ministry", availability, availableFrom,
                clearedUntil, clearedUntil, skills, languages);
    }

    static Expert ready(long id, String name, List<String> skills, List<String> languages) {
        return expert(id, name, Availability.AVAILABLE, null, LocalDate.of(2031, 1, 1), skills, languages);
    }

    @Test
    void shouldOfferOnlyExpertsAvailableOnTheStartDate() {
        List<Expert> roster = List.of(
                expert(1, "Free from start", Availability.AVAILABLE, START, LocalDate.of(2031, 1, 1), List.of(), List.of()),
                expert(2, "Free a day late", Availability.AVAILABLE, START.plusDays(1), LocalDate.of(2031, 1, 1), List.of(), List.of()),
                expert(3, "Reserved", Availability.RESERVED, null, LocalDate.of(2031, 1, 1), List.of(), List.of()));

        assertThat(ids(RosterCandidates.rank(roster, REQUEST, Set.of()))).containsExactly(1L);
    }

    @Test
    void shouldOfferOnlyExpertsClearedToTheMissionsLastDay() {
        LocalDate lastDay = LocalDate.of(2030, 3, 14);
        List<Expert> roster = List.of(
                expert(1, "Cleared to the last day", Availability.AVAILABLE, null, lastDay, List.of(), List.of()),
                expert(2, "Expires the day before", Availability.AVAILABLE, null, lastDay.minusDays(1), List.of(), List.of()),
                new Expert(3, "Vaccination lapses", "v@x.example", "JP", "M", Availability.AVAILABLE, null,
                        LocalDate.of(2031, 1, 1), lastDay.minusDays(1), List.of(), List.of()));

        assertThat(ids(RosterCandidates.rank(roster, REQUEST, Set.of()))).containsExactly(1L);
        assertThat(RosterCandidates.whyNot(roster.get(1), REQUEST)).contains("clearance expires before the mission ends");
    }

    @Test
    void shouldLeaveOutExpertsAlreadyTriedForTheRequest() {
        List<Expert> roster = List.of(ready(1, "Tried", List.of(), List.of()), ready(2, "Not tried", List.of(), List.of()));

        assertThat(ids(RosterCandidates.rank(roster, REQUEST, Set.of(1L)))).containsExactly(2L);
    }

    @Test
    void shouldRankBySkillsThenLanguagesThenName() {
        List<Expert> roster = List.of(
                ready(1, "Zed", List.of("epidemiology"), List.of("english", "french")),
                ready(2, "Amy", List.of("epidemiology", "logistics"), List.of()),
                ready(3, "Bob", List.of("epidemiology"), List.of("english")),
                ready(4, "Ann", List.of("epidemiology"), List.of("english", "french")),
                ready(5, "Cid", List.of("surgery"), List.of("english", "french")));

        List<Candidate> ranked = RosterCandidates.rank(roster, REQUEST, Set.of());

        assertThat(ids(ranked)).containsExactly(2L, 4L, 1L, 3L, 5L);
        assertThat(ranked.get(0).matchingSkills()).isEqualTo(2);
        assertThat(ranked.get(4).label()).endsWith(" - no matching skill");
    }

    @Test
    void shouldOfferTheBest25Only() {
        List<Expert> roster = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            roster.add(ready(i, "Expert %02d".formatted(i), i > 25 ? List.of("epidemiology") : List.of(), List.of()));
        }

        List<Candidate> ranked = RosterCandidates.rank(roster, REQUEST, Set.of());

        assertThat(ranked).hasSize(RosterCandidates.SHOWN).hasSize(25);
        assertThat(ids(ranked).subList(0, 5)).containsExactly(26L, 27L, 28L, 29L, 30L);
    }

    @Test
    void shouldReadTheRequestsSkillsAsCommaSeparatedWordsInAnyCase() {
        assertThat(RosterCandidates.words(" Epidemiology , LOGISTICS,,")).containsExactlyInAnyOrder("epidemiology", "logistics");
        assertThat(RosterCandidates.words(null)).isEmpty();
    }

    static List<Long> ids(List<Candidate> candidates) {
        return candidates.stream().map(candidate -> candidate.expert().id()).toList();
    }
}
