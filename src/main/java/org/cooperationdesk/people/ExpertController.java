package org.cooperationdesk.people;

import java.util.List;

import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/experts")
class ExpertController {

    private final ExpertRoster roster;
    private final CurrentUser currentUser;

    ExpertController(ExpertRoster roster, CurrentUser currentUser) {
        this.roster = roster;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<Expert> roster() {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        return roster.all();
    }
}
