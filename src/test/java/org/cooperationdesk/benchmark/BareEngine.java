package org.cooperationdesk.benchmark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The baseline: a plain Camunda engine with the same models and forms, every delegate and listener a
 * do-nothing bean, the same history level, job executor and database kind as the application, driven
 * through the Java API with the same form data. No Spring, no REST, no authorizations, no validation.
 */
final class BareEngine implements AutoCloseable {

    /** Answers every {@code ${...Delegate}}, {@code ${...Listener}} and {@code ${...Display}} of the models. */
    static final class NoopBeans extends HashMap<Object, Object> {

        private static final Noop NOOP = new Noop();

        @Override
        public boolean containsKey(Object key) {
            String name = String.valueOf(key);
            return name.endsWith("Delegate") || name.endsWith("Listener") || name.endsWith("Display");
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? NOOP : null;
        }
    }

    public static final class Noop implements JavaDelegate, TaskListener, ExecutionListener {

        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        public String name(Object id) {
            return "Trainee";
        }

        public String country(Object id) {
            return "Cambodia";
        }

        public String countryName(Object code) {
            return "Cambodia";
        }
    }

    final ProcessEngine engine;
    private final HikariDataSource pool;

    BareEngine(String jdbcUrl, String user, String password, SqlStats sql) {
        pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10); // Spring Boot's default, as the application's demo profile
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-baseline");
        configuration.setDataSource(sql.wrap(pool));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full"); // the Spring Boot starter's default, which the application keeps
        configuration.setJobExecutorActivate(true);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setBeans(new NoopBeans());
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare-baseline")
                .addClasspathResource("processes/ExpertDispatchProcess.bpmn")
                .addClasspathResource("processes/ReleaseApprovalLevel.dmn")
                .addClasspathResource("forms/dispatch-request.form")
                .addClasspathResource("forms/match-expert.form")
                .addClasspathResource("forms/record-expert-answer.form")
                .addClasspathResource("forms/approve-release.form")
                .addClasspathResource("forms/approve-release-senior.form")
                .addClasspathResource("forms/check-medical-clearance.form")
                .addClasspathResource("forms/arrange-insurance.form")
                .addClasspathResource("forms/brief-security.form")
                .addClasspathResource("forms/book-travel.form")
                .addClasspathResource("forms/record-situation-report.form")
                .addClasspathResource("forms/chase-situation-report.form")
                .addClasspathResource("forms/approve-extension.form")
                .addClasspathResource("forms/debrief-expert.form")
                .deploy();
    }

    /** The same lifecycle as {@link DispatchLifecycle#overRest}, through the Java API. */
    void lifecycle(Map<String, Latencies> calls) throws Exception {
        LocalDate today = LocalDate.now();
        Map<String, Object> start = new HashMap<>(DispatchLifecycle.request(today));
        // What the application's register delegate makes of them, for the decision table.
        start.put("durationDays", 7);
        start.put("estimatedCost", 1_500_000.0);
        long begin = System.nanoTime();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(DispatchLifecycle.PROCESS_KEY, start).getId();
        calls.computeIfAbsent("start process instance", Latencies::new).add(System.nanoTime() - begin);

        complete(calls, await(instance, "Task_MatchExpert", null), DispatchLifecycle.match("1"));
        complete(calls, await(instance, "Task_RecordExpertAnswer", null), DispatchLifecycle.ANSWER);
        complete(calls, await(instance, "Task_ApproveRelease", null), DispatchLifecycle.RELEASE);
        for (Map.Entry<String, Map<String, Object>> check : DispatchLifecycle.checks(today).entrySet()) {
            complete(calls, await(instance, check.getKey(), null), check.getValue());
        }
        Task first = await(instance, "Task_RecordSituationReport", null);
        complete(calls, first, DispatchLifecycle.sitrep(false));
        complete(calls, await(instance, "Task_RecordSituationReport", first.getId()), DispatchLifecycle.sitrep(true));
        complete(calls, await(instance, "Task_DebriefExpert", null), DispatchLifecycle.debrief(today));
        long deadline = System.currentTimeMillis() + DispatchLifecycle.TIMEOUT_MILLIS;
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            DispatchLifecycle.pause(deadline, "the end of " + instance);
        }
    }

    private void complete(Map<String, Latencies> calls, Task task, Map<String, Object> values) {
        long begin = System.nanoTime();
        engine.getTaskService().complete(task.getId(), values);
        calls.computeIfAbsent("complete task", Latencies::new).add(System.nanoTime() - begin);
    }

    private Task await(String instance, String key, String notId) throws InterruptedException {
        TaskService tasks = engine.getTaskService();
        long deadline = System.currentTimeMillis() + DispatchLifecycle.TIMEOUT_MILLIS;
        while (true) {
            List<Task> found = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
            for (Task task : found) {
                if (!task.getId().equals(notId)) {
                    return task;
                }
            }
            DispatchLifecycle.pause(deadline, key + " of " + instance);
        }
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
