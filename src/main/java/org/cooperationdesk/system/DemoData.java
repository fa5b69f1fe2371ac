package org.cooperationdesk.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users (password = user id, see README). Only in the demo profile: production has no user with a
 * known password.
 */
@Component
@Profile("demo")
class DemoData {

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("coordinator", "Haruka", "Sato", List.of(Groups.COORDINATORS)),
            new DemoUser("coordinator2", "Kenji", "Tanaka", List.of(Groups.COORDINATORS)),
            new DemoUser("manager", "Yumi", "Suzuki", List.of(Groups.MANAGERS)),
            new DemoUser("manager2", "Takeshi", "Ito", List.of(Groups.MANAGERS)),
            new DemoUser("director", "Michiko", "Watanabe", List.of(Groups.MANAGERS, Groups.DIRECTORS)));

    private final IdentityService identityService;

    DemoData(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void load() {
        if (identityService.isReadOnly()) {
            return; // the users come from a directory (the ldap profile)
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@mhlw.example");
                user.setPassword(demo.id());
                identityService.saveUser(user);
                demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
            }
        }
    }
}
