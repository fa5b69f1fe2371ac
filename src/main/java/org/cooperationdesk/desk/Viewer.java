package org.cooperationdesk.desk;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cooperationdesk.notification.OfficeDirectory;
import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who reads a page, and the desk's role rules in one place (templates ask it as {@code @viewer}):
 * <ul>
 *   <li>the office's records (requests, roster, courses, meetings, people, contributions) are for coordinators,
 *       managers, directors and admins, as the office API allows them; anyone else gets a 403 page saying so;</li>
 *   <li>partners (countries, organisations, contacts) for every signed-in user, as {@code /api/partners};</li>
 *   <li>identity documents of nominees and delegates (passport number and expiry, date of birth) for coordinators
 *       only: they prepare visa letters and registrations, nobody else needs them; so is a letter that shows them
 *       (the visa support letter);</li>
 *   <li>the process instance in Cockpit for admins only: Cockpit is theirs.</li>
 * </ul>
 */
@Component("viewer")
public class Viewer {

    static final List<String> OFFICE = List.of(Groups.COORDINATORS, Groups.MANAGERS, Groups.DIRECTORS, Groups.ADMINS);

    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final OfficeEngineCalls engine;

    Viewer(CurrentUser currentUser, IdentityService identityService, OfficeEngineCalls engine) {
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.engine = engine;
    }

    public boolean isSignedIn() {
        return currentUser.id() != null;
    }

    public String getId() {
        return currentUser.id();
    }

    /** The name Admin holds for the user ("Haruka Sato"), or the user id when it holds none. */
    public String getName() {
        String id = currentUser.id();
        if (id == null) {
            return null;
        }
        User user = engine.asOffice(() -> identityService.createUserQuery().userId(id).singleResult());
        return user == null ? id : OfficeDirectory.displayName(user);
    }

    public boolean isAdmin() {
        return in(Groups.ADMINS);
    }

    public boolean isCoordinator() {
        return in(Groups.COORDINATORS);
    }

    /** A member of one of the office's groups: may read its records. */
    public boolean isOffice() {
        return OFFICE.stream().anyMatch(this::in);
    }

    /** Passport numbers and expiry, dates of birth. */
    public boolean seesIdentityDocuments() {
        return isCoordinator();
    }

    /** A document (a letter) that shows passport numbers or dates of birth is for those who see them. */
    public boolean readsDocument(boolean showsIdentityDocuments) {
        return !showsIdentityDocuments || seesIdentityDocuments();
    }

    /** Links to Cockpit. */
    public boolean seesProcessInstances() {
        return isAdmin();
    }

    public void requireSignedIn() {
        if (!isSignedIn()) {
            throw new DeskRefusal(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
    }

    /** 403 page unless the reader belongs to one of the office's groups. */
    public void requireOffice() {
        requireSignedIn();
        if (!isOffice()) {
            throw DeskRefusal.forbidden("error.forbidden.office", currentUser.id());
        }
    }

    private boolean in(String group) {
        return currentUser.groups().contains(group);
    }
}
