package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;

/**
 * The engine's metric counters as this node holds them in memory: what it counted since it last wrote them to the
 * metrics table (which {@code ManagementService#createMetricsQuery()} sums).
 */
public final class EngineMeters {

    private EngineMeters() {
    }

    /** Counted on this node and not yet reported to the database; 0 when the engine keeps no such meter. */
    public static long unreported(ProcessEngineConfiguration engine, String metric) {
        MetricsRegistry registry = ((ProcessEngineConfigurationImpl) engine).getMetricsRegistry();
        var meter = registry == null ? null : registry.getDbMeterByName(metric);
        return meter == null ? 0 : meter.get();
    }
}
