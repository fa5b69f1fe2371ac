package org.cooperationdesk.security;

import java.util.List;

import org.cooperationdesk.system.CurrentUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, and the CSRF token a page's script sends (header {@code X-CSRF-TOKEN}) with every state-changing
 * call that rides on the session, as the demo mailbox does. Calls with HTTP Basic need no token.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

    record Session(String user, List<String> groups, Csrf csrf) {
    }

    record Csrf(String header, String parameter, String token) {
    }

    private final CurrentUser currentUser;

    SessionController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping
    Session current(CsrfToken csrf) {
        return new Session(currentUser.id(), currentUser.groups(),
                new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
    }
}
