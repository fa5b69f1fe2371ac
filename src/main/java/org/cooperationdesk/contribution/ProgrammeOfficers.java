package org.cooperationdesk.contribution;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.cooperationdesk.form.FormOptionSource;
import org.cooperationdesk.form.ValidationMessages;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.system.Groups;
import org.springframework.stereotype.Component;

/** The coordinators who can be a contribution's programme officer, by name ({@code "options": "programmeOfficers"}). */
@Component
class ProgrammeOfficers implements FormOptionSource {

    private final IdentityService identityService;

    ProgrammeOfficers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public String name() {
        return "programmeOfficers";
    }

    @Override
    public List<FormOption> options() {
        return identityService.createUserQuery().memberOfGroup(Groups.COORDINATORS).list().stream()
                .map(user -> new FormOption(user.getId(), OfficeDirectory.displayName(user) + " (" + user.getId() + ")"))
                .sorted(Comparator.comparing(FormOption::label))
                .toList();
    }

    @Override
    public String unknown(String value) {
        return ValidationMessages.render("option.unknown.programmeOfficer", value.length() > 40 ? value.substring(0, 40) + "..." : value);
    }
}
