package org.cooperationdesk.system;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The user who made the current request or completed the current task, as the engine knows them. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user id, or null when the engine runs on its own (job executor, timers). */
    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    /** Refuses the request with 403 unless the user belongs to one of the groups. */
    public void requireAnyGroup(String... groups) {
        if (id() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Login required");
        }
        List<String> mine = groups();
        if (Arrays.stream(groups).noneMatch(mine::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "This needs membership of " + String.join(" or ", groups));
        }
    }
}
