package dev.backbone.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every family of the guide's table exists with exactly its labels after real traffic, and the
 * counters move with the work done.
 */
@ServerTest
class MetricsExportTest {

    /** The contract's table: family (as exported) and its labels. */
    static final Map<String, Set<String>> FAMILIES = Map.ofEntries(
            Map.entry("backbone_http_requests_total", Set.of("method", "endpoint", "status")),
            Map.entry("backbone_http_request_duration_seconds", Set.of("method", "endpoint")),
            Map.entry("backbone_http_request_size_bytes", Set.of("method", "endpoint")),
            Map.entry("backbone_http_response_size_bytes", Set.of("method", "endpoint")),
            Map.entry("backbone_agent_executions_total", Set.of("agent_name", "status")),
            Map.entry("backbone_agent_execution_duration_seconds", Set.of("agent_name")),
            Map.entry("backbone_agent_errors_total", Set.of("agent_name", "error_type")),
            Map.entry("backbone_workflow_executions_total", Set.of("status")),
            Map.entry("backbone_workflow_duration_seconds", Set.of()),
            Map.entry("backbone_workflow_stages_duration_seconds", Set.of("stage")),
            Map.entry("backbone_code_files_generated_total", Set.of("project_name")),
            Map.entry("backbone_code_lines_generated_total", Set.of()),
            Map.entry("backbone_code_models_generated_total", Set.of()),
            Map.entry("backbone_llm_requests_total", Set.of("provider", "model")),
            Map.entry("backbone_llm_request_duration_seconds", Set.of("provider", "model")),
            Map.entry("backbone_llm_tokens_used_total", Set.of("provider", "model", "type")),
            Map.entry("backbone_llm_errors_total", Set.of("provider", "error_type")),
            Map.entry("backbone_active_workflows", Set.of()),
            Map.entry("backbone_health_status", Set.of("component")),
            Map.entry("backbone_rate_limit_rejections_total", Set.of("limit")));

    static final Set<String> HISTOGRAMS = Set.of("backbone_http_request_duration_seconds", "backbone_http_request_size_bytes",
            "backbone_http_response_size_bytes", "backbone_agent_execution_duration_seconds", "backbone_workflow_duration_seconds",
            "backbone_workflow_stages_duration_seconds", "backbone_llm_request_duration_seconds");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private PromText scrape() {
        var r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        return PromText.parse(r.body());
    }

    @Test
    void everyFamilyOfTheGuideIsExportedWithExactlyItsLabels() {
        assertThat(http.post("/api/v1/validate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/generate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        http.post("/api/v1/validate", "{\"schema\": {}}");
        http.get("/health/readiness");
        PromText m = scrape();
        for (Map.Entry<String, Set<String>> f : FAMILIES.entrySet()) {
            String family = f.getKey();
            String sample = HISTOGRAMS.contains(family) ? family + "_count" : family;
            List<PromText.Sample> samples = m.named(sample);
            assertThat(samples).as("samples of %s", sample).isNotEmpty();
            for (PromText.Sample s : samples) {
                assertThat(s.labels().keySet()).as("labels of %s", s).isEqualTo(f.getValue());
            }
            if (HISTOGRAMS.contains(family)) {
                assertThat(m.types.get(family)).isEqualTo("histogram");
                assertThat(m.named(family + "_bucket")).isNotEmpty().allSatisfy(b -> assertThat(b.labels()).containsKey("le"));
                assertThat(m.named(family + "_sum")).isNotEmpty();
            }
        }
    }

    @Test
    void workRecordsAgentsStagesAndHttpByRouteTemplate() {
        PromText before = scrape();
        assertThat(http.post("/api/v1/validate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        PromText after = scrape();
        Map<String, String> validate = Map.of("method", "POST", "endpoint", "/api/v1/validate", "status", "200");
        assertThat(after.sum("backbone_http_requests_total", validate) - before.sum("backbone_http_requests_total", validate))
                .isEqualTo(1.0);
        for (String agent : List.of("schema_validator", "architect")) {
            Map<String, String> ok = Map.of("agent_name", agent, "status", "success");
            assertThat(after.sum("backbone_agent_executions_total", ok) - before.sum("backbone_agent_executions_total", ok))
                    .as(agent).isEqualTo(1.0);
        }
        for (String stage : List.of("validate", "plan")) {
            Map<String, String> s = Map.of("stage", stage);
            assertThat(after.sum("backbone_workflow_stages_duration_seconds_count", s)
                    - before.sum("backbone_workflow_stages_duration_seconds_count", s)).as(stage).isEqualTo(1.0);
        }
        Map<String, String> route = Map.of("method", "POST", "endpoint", "/api/v1/validate");
        assertThat(after.sum("backbone_http_request_size_bytes_sum", route) - before.sum("backbone_http_request_size_bytes_sum", route))
                .isEqualTo(Examples.request("blog_schema.json").getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(after.sum("backbone_http_response_size_bytes_sum", route)).isPositive();
    }

    @Test
    void anInvalidSchemaCountsAnAgentError() {
        Map<String, String> key = Map.of("agent_name", "schema_validator", "error_type", "invalid_schema");
        double before = scrape().sum("backbone_agent_errors_total", key);
        assertThat(http.post("/api/v1/validate", "{\"schema\": {}}").statusCode()).isEqualTo(422);
        assertThat(scrape().sum("backbone_agent_errors_total", key) - before).isEqualTo(1.0);
    }

    @Test
    void generationRecordsWorkflowAndCodeFamilies() {
        PromText before = scrape();
        assertThat(http.post("/api/v1/generate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        PromText after = scrape();
        Map<String, String> completed = Map.of("status", "completed");
        assertThat(after.sum("backbone_workflow_executions_total", completed)
                - before.sum("backbone_workflow_executions_total", completed)).isEqualTo(1.0);
        assertThat(after.sum("backbone_workflow_duration_seconds_count", Map.of())
                - before.sum("backbone_workflow_duration_seconds_count", Map.of())).isEqualTo(1.0);
        assertThat(after.sum("backbone_code_files_generated_total", Map.of("project_name", "BlogBackend"))
                - before.sum("backbone_code_files_generated_total", Map.of("project_name", "BlogBackend"))).isPositive();
        assertThat(after.sum("backbone_code_lines_generated_total", Map.of())
                - before.sum("backbone_code_lines_generated_total", Map.of())).isPositive();
        assertThat(after.sum("backbone_code_models_generated_total", Map.of())
                - before.sum("backbone_code_models_generated_total", Map.of())).isEqualTo(3.0);
        for (String stage : List.of("validate", "plan", "generate", "verify")) {
            assertThat(after.sum("backbone_workflow_stages_duration_seconds_count", Map.of("stage", stage))
                    - before.sum("backbone_workflow_stages_duration_seconds_count", Map.of("stage", stage))).as(stage).isEqualTo(1.0);
        }
    }

    @Test
    void unknownPathsShareOneEndpointValueAndNeverAppearRaw() {
        assertThat(http.get("/no/such/path-1234").statusCode()).isEqualTo(404);
        assertThat(http.get("/another-unknown-9876?x=1").statusCode()).isEqualTo(404);
        String text = http.get("/metrics").body();
        assertThat(text).doesNotContain("path-1234").doesNotContain("another-unknown-9876");
        PromText m = PromText.parse(text);
        assertThat(m.sum("backbone_http_requests_total", Map.of("endpoint", "unmatched", "status", "404"))).isGreaterThanOrEqualTo(2.0);
        Set<String> endpoints = m.named("backbone_http_requests_total").stream().map(s -> s.labels().get("endpoint"))
                .collect(Collectors.toSet());
        assertThat(endpoints).allSatisfy(e -> assertThat(e).satisfiesAnyOf(
                x -> assertThat(x).isEqualTo("unmatched"), x -> assertThat(x).startsWith("/")));
    }

    @Test
    void theHistogramBucketsSpanTheContractsRanges() {
        http.get("/health");
        PromText m = scrape();
        Set<String> httpBuckets = m.named("backbone_http_request_duration_seconds_bucket").stream()
                .map(s -> s.labels().get("le")).collect(Collectors.toSet());
        assertThat(httpBuckets).contains("0.005", "60.0", "+Inf");
        Set<String> stageBuckets = m.named("backbone_workflow_stages_duration_seconds_bucket").stream()
                .map(s -> s.labels().get("le")).collect(Collectors.toSet());
        assertThat(stageBuckets).contains("0.001");
        Set<String> agentBuckets = m.named("backbone_agent_execution_duration_seconds_bucket").stream()
                .map(s -> s.labels().get("le")).collect(Collectors.toSet());
        assertThat(agentBuckets).contains("0.001");
        Set<String> workflowBuckets = m.named("backbone_workflow_duration_seconds_bucket").stream()
                .map(s -> s.labels().get("le")).collect(Collectors.toSet());
        assertThat(workflowBuckets).contains("600.0");
    }

    @Test
    void jvmAndProcessMetricsAreExported() {
        PromText m = scrape();
        assertThat(m.exports("jvm_memory_used_bytes")).isTrue();
        assertThat(m.exports("jvm_threads_live_threads")).isTrue();
        assertThat(m.exports("process_cpu_usage")).isTrue();
        assertThat(m.exports("process_uptime_seconds")).isTrue();
        assertThat(m.exports("process_resident_memory_bytes")).isTrue();
    }

    @Test
    void openMetricsIsServedWhenAsked() {
        var r = http.get("/metrics", "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(r.body()).contains("# TYPE backbone_http_requests counter").endsWith("# EOF\n");
    }
}
