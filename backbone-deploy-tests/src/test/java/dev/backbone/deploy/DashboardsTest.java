package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Dashboards;
import dev.backbone.deploy.support.Dashboards.PanelQuery;
import dev.backbone.deploy.support.KnownMetrics;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Promql;
import dev.backbone.deploy.support.RuleCheck;
import dev.backbone.deploy.support.Yaml;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The guide's four dashboards: valid JSON, provisioned, every query parses and reads real names. */
class DashboardsTest {
    private static final Map<String, String> DASHBOARDS = Map.of(
            "backbone-http.json", "backbone-http",
            "backbone-agents.json", "backbone-agents",
            "backbone-llm.json", "backbone-llm",
            "backbone-system-health.json", "backbone-system");

    @Test
    void theFourDashboardsOfTheGuideExist() {
        assertThat(Dashboards.files()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(DASHBOARDS.keySet());
        for (Path file : Dashboards.files()) {
            JsonNode d = Yaml.json(file);
            assertThat(d.path("uid").asString()).as(file.toString()).isEqualTo(DASHBOARDS.get(file.getFileName().toString()));
            assertThat(d.path("title").asString()).startsWith("BackBone-AI / ");
        }
    }

    @Test
    void everyPanelQueriesTheProvisionedDatasourceAndFitsTheGrid() {
        String uid = Yaml.read(ProjectFiles.deploy("grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").get(0).path("uid").asString();
        for (Path file : Dashboards.files()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : Dashboards.panels(Yaml.json(file))) {
                String where = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt())).as(where + ": unique id").isTrue();
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(where + ": width").isBetween(1, 24);
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo(uid);
                assertThat(panel.path("targets").size()).as(where + ": queries").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as(where).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asString()).as(where).isEqualTo(uid);
                }
            }
        }
    }

    @Test
    void everyPanelExpressionParses() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        List<PanelQuery> queries = Dashboards.queries();
        Command.Result result = RuleCheck.checkExpressions(queries.stream()
                .map(q -> Promql.withGrafanaVariables(q.expr(), "1m", "1h")).toList());
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void anUnparsableExpressionWouldBeCaught() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        Command.Result result = RuleCheck.checkExpressions(List.of("sum(rate(backbone_http_requests_total[5m])"));
        assertThat(result.ok()).isFalse();
    }

    @Test
    void everyMetricNameIsOneTheServicePromises() {
        Set<String> known = KnownMetrics.names();
        for (PanelQuery q : Dashboards.queries()) {
            for (String name : Promql.metricNames(q.expr())) {
                assertThat(KnownMetrics.isKnown(name, known)).as(q.where() + " uses " + name).isTrue();
            }
        }
    }

    @Test
    void eachDashboardShowsWhatTheGuidePromises() {
        assertThat(exprs("BackBone-AI / HTTP")).contains("backbone_http_requests_total", "histogram_quantile(0.5,",
                "histogram_quantile(0.95,", "histogram_quantile(0.99,", "status=~\"5..\"",
                "backbone_http_request_size_bytes_bucket", "backbone_http_response_size_bytes_bucket");
        assertThat(exprs("BackBone-AI / Agent performance")).contains("backbone_agent_executions_total",
                "histogram_quantile(0.99, sum by (agent_name, le) (rate(backbone_agent_execution_duration_seconds_bucket",
                "sum by (agent_name, error_type) (rate(backbone_agent_errors_total");
        assertThat(exprs("BackBone-AI / LLM usage")).contains("backbone_llm_requests_total",
                "backbone_llm_request_duration_seconds_bucket", "backbone_llm_tokens_used_total",
                "sum by (provider, model) (", "/ 1000 * 3600");
        assertThat(exprs("BackBone-AI / System health")).contains("backbone_health_status", "process_uptime_seconds",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "backbone_active_workflows");
    }

    @Test
    void grafanaLoadsTheDashboardsFromWhereComposeMountsThem() {
        String path = Yaml.read(ProjectFiles.deploy("grafana/provisioning/dashboards/backbone-ai.yml"))
                .path("providers").get(0).path("options").path("path").asString();
        List<String> mounts = Yaml.read(ProjectFiles.deploy("docker-compose.yml")).path("services").path("grafana")
                .path("volumes").valueStream().map(JsonNode::asString).toList();
        assertThat(mounts).contains("./grafana/dashboards:" + path + ":ro",
                "./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    private static String exprs(String dashboardTitle) {
        return Dashboards.queries().stream().filter(q -> q.dashboard().equals(dashboardTitle))
                .map(PanelQuery::expr).collect(Collectors.joining("\n"));
    }
}
