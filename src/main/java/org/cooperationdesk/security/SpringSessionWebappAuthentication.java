package org.cooperationdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells the Camunda webapps who is signed in: the user Spring Security found for this request (the session from
 * {@code /login}). Camunda's {@code ContainerBasedAuthenticationFilter} then logs that user into Tasklist, Cockpit,
 * Admin and Welcome, reading their groups and tenants from the engine and deciding which of the applications they may
 * open (a coordinator: Tasklist only), just as the webapps' own login did. Created by that filter by class name, so
 * public with a constructor of no arguments.
 */
public class SpringSessionWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        // Groups and tenants null: Camunda reads them from the engine, as at its own login.
        return AuthenticationResult.successful(signedIn.getName());
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Nothing to add: Spring Security has already sent anyone unauthenticated to the login page (or a 401).
    }
}
