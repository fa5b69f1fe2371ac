package org.cooperationdesk.meeting;

/** Read-only lookups the model uses in input mappings ({@code ${meetingDisplay.countryName(countryCode)}}). */
public class MeetingDisplay {

    private final MeetingService meetings;

    MeetingDisplay(MeetingService meetings) {
        this.meetings = meetings;
    }

    public String countryName(Object countryCode) {
        return meetings.countryName(String.valueOf(countryCode));
    }
}
