package org.cooperationdesk.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The baseline: a plain Camunda engine with the same models and forms, every delegate and listener a
 * do-nothing bean, the same history level, job executor and database kind as the application, driven
 * through the Java API with the same form data (each lifecycle class's {@code onBareEngine}). No Spring, no
 * REST, no authorizations, no validation.
 */
public final class BareEngine implements AutoCloseable {

    /**
     * Answers every {@code ${...Delegate}}, {@code ${...Listener}} and {@code ${...Display}} of the models, and
     * {@code ${offerDeadline.fromNow()}} (the offer's timer and due date: 72 hours from now, as our OfferDeadline).
     */
    public static final class NoopBeans extends HashMap<Object, Object> {

        private static final Noop NOOP = new Noop();

        @Override
        public boolean containsKey(Object key) {
            String name = String.valueOf(key);
            return name.endsWith("Delegate") || name.endsWith("Listener") || name.endsWith("Display")
                    || name.equals("offerDeadline");
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

        /** What our OfferDeadline gives: the moment an offer lapses, 72 hours from now (engine clock). */
        public java.util.Date fromNow() {
            return new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 72L * 3600 * 1000);
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
        // The application's deployment pattern: every model, decision table and form.
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-baseline");
        try {
            for (String pattern : List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
                    "classpath*:forms/**/*.form")) {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        deployment.addInputStream(resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
    }

    private static String json(List<?> list) {
        try {
            return RestClient.JSON.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an instance, timed as "start process instance". */
    String start(String processKey, Map<String, Object> variables, Map<String, Latencies> calls) {
        long begin = System.nanoTime();
        String instance = engine.getRuntimeService().startProcessInstanceByKey(processKey, variables).getId();
        calls.computeIfAbsent("start process instance", Latencies::new).add(System.nanoTime() - begin);
        return instance;
    }

    /** Completes a task with form values; a list (a checklist) goes as a Json variable, as Tasklist sends it. */
    void complete(Map<String, Latencies> calls, Task task, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof List<?> list
                ? SpinValues.jsonValue(json(list)).create() : value));
        for (int attempt = 1; ; attempt++) {
            long begin = System.nanoTime();
            try {
                engine.getTaskService().complete(task.getId(), variables);
                calls.computeIfAbsent("complete task", Latencies::new).add(System.nanoTime() - begin);
                return;
            } catch (OptimisticLockingException e) {
                // Collided with a job of the same instance (parallel multi-instance branches ending): completed again.
                calls.computeIfAbsent("complete task: optimistic-locking conflicts, completed again", Latencies::new)
                        .add(System.nanoTime() - begin);
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The first open task of the instance with this key, other than {@code notId}; polls as the REST clients do. */
    Task await(String instance, String key, String notId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TasklistSteps.TIMEOUT_MILLIS;
        while (true) {
            for (Task task : tasks(instance, key)) {
                if (!task.getId().equals(notId)) {
                    return task;
                }
            }
            TasklistSteps.pause(deadline, key + " of " + instance);
        }
    }

    /** The open tasks of the instance with this key, once there are {@code count} of them. */
    List<Task> awaitAll(String instance, String key, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TasklistSteps.TIMEOUT_MILLIS;
        while (true) {
            List<Task> found = tasks(instance, key);
            if (found.size() >= count) {
                return found;
            }
            TasklistSteps.pause(deadline, count + " x " + key + " of " + instance);
        }
    }

    Object variable(Task task, String name) {
        return engine.getTaskService().getVariable(task.getId(), name);
    }

    void awaitEnd(String instance) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TasklistSteps.TIMEOUT_MILLIS;
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            TasklistSteps.pause(deadline, "the end of " + instance);
        }
    }

    private List<Task> tasks(String instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
