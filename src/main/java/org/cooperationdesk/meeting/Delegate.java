package org.cooperationdesk.meeting;

import java.time.LocalDate;

/** A member of a government's delegation to a meeting. */
public record Delegate(
        long id,
        long meetingId,
        String countryCode,
        String fullName,
        String email,
        String role,
        String passportNumber,
        LocalDate passportExpiry,
        DelegateStatus status) {

    public static final String HEAD = "HEAD";
    public static final String MEMBER = "DELEGATE";

    boolean isRegistered() {
        return status == DelegateStatus.NOMINATED;
    }
}
