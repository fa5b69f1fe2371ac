package org.cooperationdesk.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Who fills a vacated place; no database. */
final class WaitingList {

    private WaitingList() {
    }

    /**
     * While the course has not started: the best ranked waiting nominee of the vacated trainee's country,
     * else the best ranked of any country. {@code waiting} is in rank order.
     */
    static Optional<Nomination> replacementFor(Nomination vacated, List<Nomination> waiting, LocalDate today,
                                               LocalDate courseStart) {
        if (!today.isBefore(courseStart)) {
            return Optional.empty();
        }
        return waiting.stream().filter(n -> n.countryCode().equals(vacated.countryCode())).findFirst()
                .or(() -> waiting.stream().findFirst());
    }
}
