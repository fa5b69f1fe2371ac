package org.cooperationdesk.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page ({@code templates/login.html}); Spring Security checks what it posts and ends sessions at /logout. */
@Controller
class LoginController {

    @GetMapping(SecurityConfiguration.LOGIN_PAGE)
    String login() {
        return "login";
    }
}
