package org.cooperationdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cooperationdesk.dispatch.DispatchVariables.*;
import static org.cooperationdesk.dispatch.ExpertDispatchProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.meeting.MeetingOrganisationProcess;
import org.cooperationdesk.meeting.MeetingVariables;
import org.cooperationdesk.language.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A mail server outage: the step retries, becomes an incident, and once retried sends the mail once. */
class NotificationOutageTest extends ProcessTestSupport {

    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationLog log;

    @Test
    void shouldRetryThenRaiseAnIncidentAndSendExactlyOnceWhenTheServerIsBack() {
        ProcessInstance instance = startRequestAndMatch();
        String expertEmail = jdbc.sql("select p.email from person p join dispatch d on d.expert_id = p.id "
                + "join dispatch_request r on r.id = d.request_id where r.reference = ?")
                .param(instance.getBusinessKey()).query(String.class).single();
        mailServer.stop();

        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TASK_SEND_OFFER).singleResult();
        int retries = job.getRetries();
        assertThat(retries).isGreaterThan(1);
        for (int attempt = 1; attempt <= retries; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                    .hasMessageContaining("Could not send 'Mission offer " + instance.getBusinessKey());
        }

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_OFFER);
        assertThat(incident.getIncidentMessage()).contains("Could not send");
        assertThat(statuses(instance)).hasSize(retries).containsOnly(NotificationLog.FAILED);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_SEND_OFFER);

        mailServer.start();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(mailsTo(expertEmail)).hasSize(1);
        assertThat(statuses(instance)).containsOnlyOnce(NotificationLog.DELIVERED);
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_RECORD_EXPERT_ANSWER);
    }

    @Test
    void shouldNotSendTwiceUnderTheSameKey() {
        Notification notification = new Notification("sitrep-reminder", List.of("aiko.nakamura@experts.example"),
                Map.of("expertName", "Dr. Aiko Nakamura", "requestReference", "DR-2026-9999", "country", "Cambodia",
                        "link", "http://localhost/portal/test", "validUntil", java.time.LocalDate.of(2026, 12, 31)));

        notifications.send(notification, "test:same-job", "DR-2026-9999");
        notifications.send(notification, "test:same-job", "DR-2026-9999");

        assertThat(mailsTo("aiko.nakamura@experts.example")).singleElement().satisfies(mail ->
                assertThat(mail.getMessageID()).isEqualTo(NotificationService.messageId("test:same-job")));
        assertThat(log.forBusinessKey("DR-2026-9999")).extracting(NotificationLog.Entry::status)
                .containsExactly(NotificationLog.DELIVERED);
    }

    @Test
    void shouldSendEachLanguagesMailOnceUnderItsOwnKeyAndOnARetryOnlyWhatIsStillOwed() throws Exception {
        Map<String, Object> values = Map.of("expertName", "Dr. Aiko Nakamura", "requestReference", "DR-2026-9998",
                "country", "Cambodia", "link", "http://localhost/portal/test", "validUntil", java.time.LocalDate.of(2026, 12, 31));
        Map<String, Object> broken = Map.of("expertName", "Dr. Aiko Nakamura", "requestReference", "DR-2026-9998");
        Notification english = new Notification("sitrep-reminder", Language.EN, List.of("en.reader@mhlw.example"), values);

        // The Japanese mail fails after the English one went out: the step fails and is retried.
        assertThatThrownBy(() -> notifications.send(List.of(english, new Notification("sitrep-reminder", Language.JA,
                List.of("ja.reader@mhlw.example"), broken)), "test:split-job", "DR-2026-9998"))
                .hasMessageContaining("needs a value for country");
        notifications.send(List.of(english, new Notification("sitrep-reminder", Language.JA,
                List.of("ja.reader@mhlw.example"), values)), "test:split-job", "DR-2026-9998");

        assertThat(mailsTo("en.reader@mhlw.example")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Weekly situation report overdue (DR-2026-9998)");
            assertThat(mail.getMessageID()).isEqualTo(NotificationService.messageId("test:split-job#en"));
        });
        assertThat(mailsTo("ja.reader@mhlw.example")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("週次状況報告が未提出です（DR-2026-9998）");
            assertThat(mail.getMessageID()).isEqualTo(NotificationService.messageId("test:split-job#ja"));
        });

        // A reader who changed language before another retry is not sent the step's mail a second time; a reader
        // who joined meanwhile gets it.
        notifications.send(List.of(new Notification("sitrep-reminder", Language.JA,
                List.of("en.reader@mhlw.example", "ja.reader@mhlw.example", "new.reader@mhlw.example"), values)),
                "test:split-job", "DR-2026-9998");
        assertThat(mailsTo("en.reader@mhlw.example")).hasSize(1);
        assertThat(mailsTo("ja.reader@mhlw.example")).hasSize(1);
        assertThat(mailsTo("new.reader@mhlw.example")).singleElement().satisfies(mail ->
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("new.reader@mhlw.example"));
        assertThat(log.deliveredTo("test:split-job")).containsExactlyInAnyOrder("en.reader@mhlw.example",
                "ja.reader@mhlw.example", "new.reader@mhlw.example");
        assertThat(log.deliveredTo("test:split")).as("another step's key").isEmpty();
    }

    @Test
    void shouldUseTheSameKeyOnEveryRetryOfAMailStep() {
        ProcessInstance instance = startRequestAndMatch();
        mailServer.stop();
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TASK_SEND_OFFER).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(job.getId()));
        assertThatThrownBy(() -> managementService.executeJob(job.getId()));

        assertThat(jdbc.sql("select distinct idempotency_key from notification where business_key = ?")
                .param(instance.getBusinessKey()).query(String.class).list())
                .containsExactly("job:" + job.getId());
    }

    @Test
    void shouldUseTheSameKeyOnEveryRetryOfOneInstanceOfAMultiInstanceMailStep() {
        ProcessInstance meeting = runtimeService.startProcessInstanceByKey(MeetingOrganisationProcess.PROCESS_KEY,
                Map.ofEntries(
                        Map.entry(MeetingVariables.TITLE, "ASEAN/Japan HIV/AIDS Workshop"),
                        Map.entry(MeetingVariables.THEME, "Community-based prevention and care"),
                        Map.entry(MeetingVariables.KIND, "workshop"),
                        Map.entry(MeetingVariables.START_DATE, today().plusDays(60).toString()),
                        Map.entry(MeetingVariables.END_DATE, today().plusDays(64).toString()),
                        Map.entry(MeetingVariables.VENUE, "Phnom Penh"),
                        Map.entry(MeetingVariables.HOST_COUNTRY, "KH"),
                        Map.entry(MeetingVariables.CO_ORGANISERS, List.of("WHO")),
                        Map.entry(MeetingVariables.BUDGET, 12_000_000),
                        Map.entry(MeetingVariables.BUDGET_CURRENCY, "JPY"),
                        Map.entry(MeetingVariables.ALSO_INVITED, List.of("KH", "LA", "VN")),
                        Map.entry(MeetingVariables.DELEGATE_QUOTA, 3),
                        Map.entry(MeetingVariables.NOMINATION_DEADLINE, today().plusDays(30).toString()),
                        Map.entry(MeetingVariables.FIELD_VISIT, false)));
        mailServer.stop();
        List<Job> invitations = managementService.createJobQuery().processInstanceId(meeting.getId())
                .activityId(MeetingOrganisationProcess.TASK_SEND_INVITATION).list();
        assertThat(invitations).as("one job per invited government").hasSize(3);
        Job first = invitations.get(0);
        assertThatThrownBy(() -> managementService.executeJob(first.getId()));
        assertThatThrownBy(() -> managementService.executeJob(first.getId()));

        assertThat(jdbc.sql("select distinct idempotency_key from notification where business_key = ?")
                .param(meeting.getBusinessKey()).query(String.class).list())
                .containsExactly("job:" + first.getId());
    }

    private ProcessInstance startRequestAndMatch() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.ofEntries(
                Map.entry(REQUESTING_BODY, "ILO"),
                Map.entry(REQUESTER_REFERENCE, "ILO-RBSA-2026-07"),
                Map.entry(REQUESTER_EMAIL, "projects@ilo.example"),
                Map.entry(COUNTRY_CODE, "VN"),
                Map.entry(PURPOSE, "Labour inspection capacity building"),
                Map.entry(TERMS_OF_REFERENCE, "Train provincial labour inspectors."),
                Map.entry(SKILLS_NEEDED, "labour inspection"),
                Map.entry(START_DATE, today().plusDays(30).toString()),
                Map.entry(DURATION_DAYS, 14),
                Map.entry(ESTIMATED_COST, 900_000),
                Map.entry(ESTIMATED_COST_CURRENCY, "JPY"),
                Map.entry(FUNDED_BY, "SHARED")));
        SpinJsonNode candidates = (SpinJsonNode) runtimeService.getVariable(instance.getId(), EXPERT_CANDIDATES);
        complete(task(TASK_MATCH_EXPERT, instance), withVariables(MATCH_OUTCOME, SELECTED,
                EXPERT_ID, candidates.elements().get(0).prop("value").stringValue()));
        return instance;
    }

    private List<String> statuses(ProcessInstance instance) {
        return log.forBusinessKey(instance.getBusinessKey()).stream().map(NotificationLog.Entry::status).toList();
    }
}
