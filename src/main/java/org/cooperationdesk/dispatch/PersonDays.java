package org.cooperationdesk.dispatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Person-days of a mission, the office's unit for its yearly figures. */
final class PersonDays {

    private PersonDays() {
    }

    /** From departure to return, both days included. */
    static int between(LocalDate departure, LocalDate returnDate) {
        return (int) ChronoUnit.DAYS.between(departure, returnDate) + 1;
    }

    /** A mission stood down today: the days already in the field, or null when the expert had not left yet. */
    static Integer spentBy(LocalDate departure, LocalDate today) {
        return departure != null && !departure.isAfter(today) ? between(departure, today) : null;
    }
}
