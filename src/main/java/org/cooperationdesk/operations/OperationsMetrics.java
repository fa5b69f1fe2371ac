package org.cooperationdesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What an admin watches, at /actuator/prometheus and /actuator/metrics: instances started, completed and running per
 * process, open incidents, and the job executor's backlog (due jobs waiting, jobs out of retries). Each value is a
 * count query on the shared database, so every node of a cluster reports the whole cluster's numbers; a value is
 * reused for a few seconds so frequent scrapes cost little.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final List<Supplier<Double>> sources = new java.util.concurrent.CopyOnWriteArrayList<>();

    static final List<String> PROCESSES =
            List.of("ExpertDispatchProcess", "TraineeInvitationProcess", "MeetingOrganisationProcess");
    static final Duration CACHE = Duration.ofSeconds(5);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final Clock clock = Clock.systemUTC();

    OperationsMetrics(RuntimeService runtimeService, HistoryService historyService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.managementService = managementService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String process : PROCESSES) {
            Gauge.builder("coopdesk.process.instances.running", cached(() -> runtimeService.createProcessInstanceQuery()
                            .processDefinitionKey(process).count()), Supplier::get)
                    .description("Process instances running now").tag("process", process).register(registry);
            FunctionCounter.builder("coopdesk.process.instances.started", cached(() -> historyService
                            .createHistoricProcessInstanceQuery().processDefinitionKey(process).count()), Supplier::get)
                    .description("Process instances started (within the history time to live)").tag("process", process)
                    .register(registry);
            FunctionCounter.builder("coopdesk.process.instances.completed", cached(() -> historyService
                            .createHistoricProcessInstanceQuery().processDefinitionKey(process).finished().count()),
                            Supplier::get)
                    .description("Process instances ended (within the history time to live)").tag("process", process)
                    .register(registry);
        }
        Gauge.builder("coopdesk.incidents.open", cached(() -> runtimeService.createIncidentQuery().count()), Supplier::get)
                .description("Open incidents (Cockpit)").register(registry);
        Gauge.builder("coopdesk.jobs.due", cached(() -> managementService.createJobQuery().executable().count()), Supplier::get)
                .description("Jobs due now and not yet run: the job executor's backlog").register(registry);
        Gauge.builder("coopdesk.jobs.failed", cached(() -> managementService.createJobQuery().noRetriesLeft().count()),
                        Supplier::get)
                .description("Jobs out of retries, waiting for an admin").register(registry);
    }

    /** A count reused for {@link #CACHE}; kept here because Micrometer holds a meter's source weakly (NaN once collected). */
    private Supplier<Double> cached(Supplier<Long> count) {
        Supplier<Double> source = new Supplier<>() {
            private long readAt = Long.MIN_VALUE;
            private double value;

            @Override
            public synchronized Double get() {
                long now = clock.millis();
                if (readAt == Long.MIN_VALUE || now - readAt >= CACHE.toMillis()) {
                    value = count.get();
                    readAt = now;
                }
                return value;
            }
        };
        sources.add(source);
        return source;
    }
}
