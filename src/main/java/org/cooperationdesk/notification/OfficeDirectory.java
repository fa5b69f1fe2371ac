package org.cooperationdesk.notification;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The office's own people as Camunda Admin knows them: whom to mail for a group. */
@Component
public class OfficeDirectory {

    private final IdentityService identityService;
    private final String officeAddress;

    public OfficeDirectory(IdentityService identityService, @Value("${coopdesk.notification.office-address}") String officeAddress) {
        this.identityService = identityService;
        this.officeAddress = officeAddress;
    }

    /** The e-mail addresses of a group's members; the office's address when none has one. */
    public List<String> emailsOf(String groupId) {
        List<String> emails = identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .sorted()
                .toList();
        return emails.isEmpty() ? List.of(officeAddress) : emails;
    }
}
