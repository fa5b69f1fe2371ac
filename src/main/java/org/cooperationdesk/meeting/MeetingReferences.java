package org.cooperationdesk.meeting;

import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The meeting a request of the office's API names: 404 when there is none, 409 when it is already closed. */
@Component
class MeetingReferences {

    private final MeetingRecords records;
    private final RuntimeService runtimeService;
    private final OfficeEngineCalls engine;

    MeetingReferences(MeetingRecords records, RuntimeService runtimeService, OfficeEngineCalls engine) {
        this.engine = engine;
        this.records = records;
        this.runtimeService = runtimeService;
    }

    Meeting find(String reference) {
        return records.meetingByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + reference));
    }

    void requireRunning(String reference) {
        if (engine.asOffice(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(MeetingOrganisationProcess.PROCESS_KEY).count()) == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, reference + " is already closed");
        }
    }

    /** A message to the meeting's process, sent as the application once the API has checked the caller's role. */
    void asOffice(Runnable call) {
        engine.asOffice(call);
    }

    /** The same for a lookup: the meeting's executions as the application sees them. */
    <T> T asOffice(Supplier<T> call) {
        return engine.asOffice(call);
    }
}
