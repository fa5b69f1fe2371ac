package org.cooperationdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page ({@code templates/login.html}); Spring Security checks what it posts and ends sessions at /logout. */
@Controller
class LoginController {

    private final IdentityService identityService;

    LoginController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String login(Model model) {
        // The engine throttles and locks its own users; a directory's password policy is the directory's to state.
        model.addAttribute("engineThrottles", !identityService.isReadOnly());
        return "login";
    }
}
