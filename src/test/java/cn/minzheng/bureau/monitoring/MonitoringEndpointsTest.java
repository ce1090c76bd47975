package cn.minzheng.bureau.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.support.Http;

/** Health, Prometheus metrics with the engine's own figures, and the OpenAPI description, at their documented URLs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringEndpointsTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthIsUp() {
        var health = http.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get(null, "/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void prometheusShowsTheEngineMetricsAndTheWorkInProgress() {
        assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        var scrape = http.get("procmgr", "/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        // the demo households have started processes, run activities and evaluated the standards table
        assertThat(value(scrape.body(), "camunda_engine_metric_total{application=\"civil-affairs-workflow\",metric=\"activity-instance-start\"}"))
                .isPositive();
        assertThat(value(scrape.body(), "camunda_engine_metric_total{application=\"civil-affairs-workflow\",metric=\"executed-decision-elements\"}"))
                .isPositive();
        assertThat(scrape.body()).contains("camunda_engine_metric_total{application=\"civil-affairs-workflow\",metric=\"job-successful\"}");
        assertThat(value(scrape.body(), "camunda_tasks_open{application=\"civil-affairs-workflow\"}")).isPositive();
        assertThat(value(scrape.body(), "camunda_process_instances_running{application=\"civil-affairs-workflow\"}")).isPositive();
        assertThat(scrape.body()).contains("camunda_incidents_open", "camunda_jobs_failed", "jvm_memory_used_bytes");
    }

    @Test
    void theProjectsApiIsDescribedWithOpenApi() {
        assertThat(http.get(null, "/v3/api-docs").status()).isEqualTo(401);
        var docs = http.get("clerk.yuecun", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asText()).isEqualTo("区民政局业务流程平台 API");
        assertThat(docs.json().get("paths").has("/api/dibao/applications")).isTrue();
        assertThat(docs.json().get("paths").has("/api/dibao/cases/{caseId}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/admin/migrations/{processKey}")).isTrue();
        assertThat(http.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + scrape.lines()
                        .filter(l -> l.startsWith("camunda")).reduce("", (a, b) -> a + b + "\n")));
    }
}
