package org.cooperationdesk.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cooperationdesk.form.FormValues;

/** Reading the record-delegation form (or the same fields posted to the API) into delegation members. */
final class MeetingForms {

    static final String NAME = "Name";
    static final String EMAIL = "Email";
    static final String PASSPORT_NUMBER = "PassportNumber";
    static final String PASSPORT_EXPIRY = "PassportExpiry";

    private MeetingForms() {
    }

    /** The members named on the form, head first; a member is named when a name is given. */
    static List<MeetingService.Member> members(Function<String, Object> values) {
        List<MeetingService.Member> members = new ArrayList<>();
        for (String prefix : MeetingVariables.MEMBER_PREFIXES) {
            String name = FormValues.text(values.apply(prefix + NAME));
            if (name != null && !name.isBlank()) {
                members.add(new MeetingService.Member(name, FormValues.text(values.apply(prefix + EMAIL)),
                        FormValues.text(values.apply(prefix + PASSPORT_NUMBER)),
                        FormValues.date(values.apply(prefix + PASSPORT_EXPIRY))));
            }
        }
        return members;
    }
}
