package org.cooperationdesk.meeting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** coopdesk.meetings.*: where an approved chair's summary goes besides the participants. */
@ConfigurationProperties("coopdesk.meetings")
public record MeetingSettings(List<String> ministerialRecipients) {

    public MeetingSettings {
        ministerialRecipients = ministerialRecipients == null ? List.of() : List.copyOf(ministerialRecipients);
    }
}
