package org.cooperationdesk.meeting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * A meeting as an iCalendar (RFC 5545) event that calendar programs import: all-day dates, a stable UID,
 * a SEQUENCE raised by each postponement, STATUS:CANCELLED once cancelled; CRLF lines folded at 75 octets.
 */
@Component
public class MeetingCalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public String ics(Meeting meeting, String countryName, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//International Cooperation Office//Cooperation Desk//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + meeting.reference() + "@cooperation-desk");
        line(ics, "DTSTAMP:" + STAMP.format(now));
        line(ics, "SEQUENCE:" + meeting.calendarSequence());
        line(ics, "DTSTART;VALUE=DATE:" + DATE.format(meeting.startDate()));
        // DTEND of an all-day event is the day after the last day.
        line(ics, "DTEND;VALUE=DATE:" + DATE.format(meeting.endDate().plusDays(1)));
        line(ics, "SUMMARY:" + escape(meeting.title()));
        line(ics, "LOCATION:" + escape(meeting.venue() + ", " + countryName));
        line(ics, "DESCRIPTION:" + escape(meeting.theme() + "\nReference: " + meeting.reference()));
        line(ics, "STATUS:" + (meeting.status() == MeetingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Folds a content line at 75 octets (UTF-8), continuation lines starting with a space. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append(current).append("\r\n ");
                current.setLength(0);
                octets = 1;
                limit = 75;
            }
            current.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(current).append("\r\n");
    }
}
