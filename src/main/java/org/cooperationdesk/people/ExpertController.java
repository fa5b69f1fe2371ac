package org.cooperationdesk.people;

import java.util.List;
import java.util.Map;

import org.cooperationdesk.language.Language;

import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;
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

    @GetMapping("/{id}")
    Expert expert(@PathVariable long id) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        return roster.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No expert " + id));
    }

    /**
     * The language the office writes an expert's mails and letters in: {@code {"correspondenceLanguage": "ja"}}
     * (en or ja). Coordinators keep the roster; the next mail to the expert is in the new language.
     */
    @PutMapping("/{id}/correspondence-language")
    Expert correspondenceLanguage(@PathVariable long id, @RequestBody Map<String, String> body) {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.ADMINS);
        Language language = Language.ofTag(body == null ? null : body.get("correspondenceLanguage"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "correspondenceLanguage must be en or ja"));
        if (!roster.setCorrespondenceLanguage(id, language)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No expert " + id);
        }
        return roster.find(id).orElseThrow();
    }
}
