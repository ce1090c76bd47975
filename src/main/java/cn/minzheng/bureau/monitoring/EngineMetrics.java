package cn.minzheng.bureau.monitoring;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineMeters;

/**
 * Camunda's engine metrics and the state of the work, for Prometheus ({@code /actuator/prometheus}):
 * the engine's counters ({@code camunda_engine_metric_total{metric="activity-instance-start"}} …) are what
 * this node counted since start plus what the engine already wrote to its metrics table; gauges count
 * running instances, open tasks, open incidents and jobs out of retries across the whole cluster.
 */
@Component
public class EngineMetrics implements MeterBinder {

    static final List<String> ENGINE_METRICS = List.of(Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END, Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS,
            Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS);

    private final ProcessEngineConfiguration configuration;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;

    public EngineMetrics(ProcessEngineConfiguration configuration, IdentityService identityService,
                         ManagementService managementService,
                         RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
        this.configuration = configuration;
        this.identityService = identityService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String metric : ENGINE_METRICS) {
            FunctionCounter.builder("camunda.engine.metric", this, m -> m.count(metric))
                    .tag("metric", metric)
                    .description("Camunda engine metric " + metric)
                    .register(registry);
        }
        Gauge.builder("camunda.process.instances.running", this,
                        m -> m.engineWide(() -> runtimeService.createProcessInstanceQuery().active().count()))
                .description("Process instances running (not suspended)").register(registry);
        Gauge.builder("camunda.tasks.open", this, m -> m.engineWide(() -> taskService.createTaskQuery().count()))
                .description("Open user tasks").register(registry);
        Gauge.builder("camunda.incidents.open", this, m -> m.engineWide(() -> runtimeService.createIncidentQuery().count()))
                .description("Open incidents").register(registry);
        Gauge.builder("camunda.jobs.failed", this,
                        m -> m.engineWide(() -> managementService.createJobQuery().noRetriesLeft().count()))
                .description("Jobs that failed and have no retries left").register(registry);
        Gauge.builder("camunda.history.process.instances.completed", this,
                        m -> m.engineWide(() -> historyService.createHistoricProcessInstanceQuery().completed().count()))
                .description("Process instances completed (within the history time to live)").register(registry);
    }

    /**
     * Counts the whole engine, not what the user scraping the endpoint may see: the scrape is
     * authenticated, and the engine would otherwise apply that user's authorizations to the query.
     */
    double engineWide(java.util.function.LongSupplier query) {
        return EngineAuthentication.asSystem(identityService, query::getAsLong);
    }

    /** Reported to the database so far plus counted in memory since the last report. */
    double count(String metric) {
        long reported = managementService.createMetricsQuery().name(metric).sum();
        return reported + EngineMeters.unreported(configuration, metric);
    }
}
