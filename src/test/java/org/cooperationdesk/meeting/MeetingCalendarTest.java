package org.cooperationdesk.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics export as calendar programs read it (parsed with ical4j). */
class MeetingCalendarTest {

    final MeetingCalendar calendar = new MeetingCalendar();

    @Test
    void shouldExportAnAllDayEventThatACalendarLibraryParses() throws Exception {
        String ics = calendar.ics(meeting(MeetingStatus.PLANNED, 0), "Cambodia", Instant.parse("2026-11-25T10:00:00Z"));

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) parsed.getComponent("VEVENT").orElseThrow();

        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("MT-2026-0007@cooperation-desk");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270215");
        assertThat(event.getProperty("DTEND").orElseThrow().getValue()).as("the day after the last day").isEqualTo("20270220");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("ASEAN/Japan HIV/AIDS Workshop; Community-based prevention, care and support");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Phnom Penh, Hotel Cambodiana, Cambodia");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
    }

    @Test
    void shouldUseCrlfAndFoldLongLinesAt75Octets() {
        String ics = calendar.ics(meeting(MeetingStatus.PLANNED, 0), "Cambodia", Instant.now());

        assertThat(ics).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(Arrays.stream(ics.split("\r\n")))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics).contains("\r\n ");
    }

    @Test
    void shouldRaiseTheSequenceWhenPostponedAndMarkACancelledMeeting() throws Exception {
        Calendar postponed = new CalendarBuilder().build(new StringReader(
                calendar.ics(meeting(MeetingStatus.FROZEN, 2), "Cambodia", Instant.now())));
        Calendar cancelled = new CalendarBuilder().build(new StringReader(
                calendar.ics(meeting(MeetingStatus.CANCELLED, 2), "Cambodia", Instant.now())));

        assertThat(postponed.getComponent("VEVENT").orElseThrow().getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getComponent("VEVENT").orElseThrow().getProperty("STATUS").orElseThrow().getValue())
                .isEqualTo("CANCELLED");
    }

    private static Meeting meeting(MeetingStatus status, int sequence) {
        return new Meeting(7, "MT-2026-0007", "ASEAN/Japan HIV/AIDS Workshop; Community-based prevention, care and support",
                "Prevention and care with communities, field inspections in Phnom Penh and a long description that folds",
                "workshop", LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 19), "Phnom Penh, Hotel Cambodiana", "KH",
                "WHO", BigDecimal.TEN, "JPY", BigDecimal.TEN, null, 3, LocalDate.of(2027, 1, 10), true, "National Center for HIV/AIDS", status, false,
                sequence, null);
    }
}
