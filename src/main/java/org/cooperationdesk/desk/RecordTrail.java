package org.cooperationdesk.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.decision.DecisionLog;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.ProcessNames;
import org.cooperationdesk.notification.NotificationLog;
import org.cooperationdesk.system.OfficeEngineCalls;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a record's page shows below its data, the same for every kind of record: the decisions with who and why, the
 * mails sent (delivered or failed), its documents, its open tasks with a link into Tasklist, and for admins its
 * process instances with a link into Cockpit. The engine is read as the application (the page has checked the
 * reader's role already): a coordinator sees the manager's open approval too, without the right to open it.
 */
@Component
public class RecordTrail {

    /** An open task of the record's process; due may be null. */
    public record OpenTask(String id, String name, String assignee, List<String> candidateGroups,
                           List<String> candidateUsers, LocalDateTime created, LocalDateTime due, String link) {
    }

    /** A process instance the record's business key started, running or ended, and its Cockpit address. */
    public record ProcessInstance(String id, String processKey, boolean ended, LocalDateTime started, String link) {
    }

    /** documents: the letters issued for the record. processInstances: empty unless the reader is an admin. */
    public record Trail(List<DecisionLog.Decision> decisions, List<NotificationLog.Entry> mails,
                        List<RecordDocument> documents, List<OpenTask> openTasks, List<ProcessInstance> processInstances) {
    }

    private final DecisionLog decisions;
    private final NotificationLog notifications;
    private final RecordDocuments documents;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final OfficeEngineCalls engine;
    private final Viewer viewer;
    private final Clock clock;
    private final Webapps webapps;
    private final ProcessNames processNames;

    RecordTrail(DecisionLog decisions, NotificationLog notifications, RecordDocuments documents, TaskService taskService,
                HistoryService historyService, OfficeEngineCalls engine, Viewer viewer, Clock clock, Webapps webapps,
                ProcessNames processNames) {
        this.decisions = decisions;
        this.notifications = notifications;
        this.documents = documents;
        this.taskService = taskService;
        this.historyService = historyService;
        this.engine = engine;
        this.viewer = viewer;
        this.clock = clock;
        this.webapps = webapps;
        this.processNames = processNames;
    }

    /** subjectType: the decision log's subject type of the record (DispatchService.SUBJECT_TYPE, ...). */
    public Trail of(String subjectType, String reference) {
        return new Trail(decisions.about(subjectType, reference), notifications.forBusinessKey(reference),
                documents.ofRecord(reference),
                openTasks(reference), viewer.seesProcessInstances() ? processInstances(reference) : List.of());
    }

    private List<OpenTask> openTasks(String reference) {
        return engine.asOffice(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .orderByTaskCreateTime().asc().orderByTaskId().asc().list().stream().map(this::openTask).toList());
    }

    private OpenTask openTask(Task task) {
        List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        return new OpenTask(task.getId(), nameInReadersLanguage(task), task.getAssignee(),
                links.stream().map(IdentityLink::getGroupId).filter(group -> group != null).sorted().toList(),
                links.stream().map(IdentityLink::getUserId).filter(user -> user != null).sorted().toList(),
                local(task.getCreateTime()), local(task.getDueDate()),
                webapps.task(task.getId()));
    }

    /** The task's name as Tasklist shows it to this reader (the model's name, or its translation beside the model). */
    private String nameInReadersLanguage(Task task) {
        String definition = task.getProcessDefinitionId();
        int colon = definition == null ? -1 : definition.indexOf(':');
        return colon <= 0 ? task.getName() : processNames.task(definition.substring(0, colon), task.getTaskDefinitionKey(),
                Language.of(LocaleContextHolder.getLocale())).orElse(task.getName());
    }

    private List<ProcessInstance> processInstances(String reference) {
        return engine.asOffice(() -> historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .orderByProcessInstanceStartTime().asc().list().stream().map(this::processInstance).toList());
    }

    private ProcessInstance processInstance(HistoricProcessInstance instance) {
        return new ProcessInstance(instance.getId(), instance.getProcessDefinitionKey(), instance.getEndTime() != null,
                local(instance.getStartTime()), webapps.processInstance(instance.getId()));
    }

    private LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), clock.getZone());
    }
}
