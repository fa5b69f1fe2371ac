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

    /** A person's e-mail address as Admin holds it, if any. */
    public java.util.Optional<String> emailOf(String userId) {
        if (userId == null) {
            return java.util.Optional.empty();
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? java.util.Optional.empty() : java.util.Optional.of(user.getEmail());
    }

    /** A person's name as Admin holds it ("Haruka Sato"), or the user id when Admin has none. */
    public String nameOf(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : displayName(user);
    }

    /** The user's first and last name as Admin holds them, or the user id when Admin has neither. */
    public static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
