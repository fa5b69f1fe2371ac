package org.cooperationdesk.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine calls the office's API makes for a person once it has checked their role itself: a stand-down, a
 * cancellation, a suspension. Coordinators and managers hold no right on process instances (they may not send
 * messages or write variables through /engine-rest: a submission is exactly its form), so under their own login
 * the engine would find no running instance and refuse the message. Such a call runs as the application, between
 * the API's role check and its rules; where the process records who acted, the API passes the person's id along.
 */
@Component
public class OfficeEngineCalls {

    private final IdentityService identityService;

    public OfficeEngineCalls(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T asOffice(Supplier<T> call) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void asOffice(Runnable call) {
        asOffice(() -> {
            call.run();
            return null;
        });
    }
}
