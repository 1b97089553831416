package dev.backbone.deploy.live;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.AlertRules;
import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Dashboards;
import dev.backbone.deploy.support.Markdown;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Promql;
import dev.backbone.deploy.support.Yaml;
import dev.backbone.server.support.OpenAiStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring stack against the real service: the service jar and a real Prometheus
 * scraping it every second with our prometheus.yml and alerts.yml, after real traffic. Every
 * example query of the guide and of docs/monitoring.md, every alert expression and every
 * dashboard panel expression must parse and return data, and every metric name they read
 * must be exported by the service.
 *
 * <p>The service's LLM provider is a loopback server speaking OpenAI's chat completions format
 * ({@link OpenAiStub}, model {@code gpt-4} as in the guide's cost query), so the
 * {@code backbone_llm_*} families get data from real design, review and failing calls like the
 * others. Queries allowed to return nothing are named here with the reason: {@link #EMPTY_BY_DESIGN}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringStackLiveTest {
    /** The guide's cost query, as {@link #emptyAllowed} normalises it (comments cut, blanks collapsed). */
    private static final String GUIDE_COST_QUERY = "( rate(backbone_llm_tokens_used_total{provider=\"openai\", model=\"gpt-4\", "
            + "type=\"prompt\"}[5m]) * 0.03 / 1000 + rate(backbone_llm_tokens_used_total{provider=\"openai\", "
            + "model=\"gpt-4\", type=\"completion\"}[5m]) * 0.06 / 1000 ) * 3600";
    /** Queries of the guide that cannot return data from any correct service. */
    private static final Map<String, String> EMPTY_BY_DESIGN = Map.of(
            "max(backbone_workflow_stages_duration_seconds) by (stage)",
            "the guide's 'Slowest workflow stage': the stage duration is a histogram (service contract), and no "
                    + "series has a histogram family's bare name; docs/monitoring.md gives the corrected query",
            GUIDE_COST_QUERY,
            "the guide's 'LLM cost estimation (OpenAI GPT-4)': `+` matches series one to one on all their labels, and "
                    + "the two sides differ in `type` (prompt, completion) by their own selectors, so no pair ever "
                    + "matches whatever the service exports; each side has data (see "
                    + "theLlmWorkReachedTheProviderAndPrometheusSeesItsReportedUsage) and docs/monitoring.md gives the "
                    + "corrected query (sum by (provider, model) over `or`)");
    /** Names that Prometheus makes, not the service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    /** The stub's model, as in the guide's cost query. */
    static final String MODEL = "gpt-4";
    /** Distinctive, so the test can check it never shows up in the service's log. */
    static final String KEY = "test-key-live-3e8b51d0";

    private Path work;
    private OpenAiStub llm;
    private LiveService service;
    private LivePrometheus prometheus;
    private String llmStatus;
    private List<Traffic.Step> steps;
    private Traffic.Step burst;
    private int readinessAfterBreak;
    private String exposition;
    private final Map<String, Command.Result> curls = new LinkedHashMap<>();

    @BeforeAll
    void startTheStackAndSendTraffic() throws IOException {
        require(Files.isRegularFile(LiveService.jar()),
                "the service jar " + LiveService.jar() + " (./mvnw -q -B -DskipTests -pl backbone-cli -am package)");
        require(Command.onPath("prometheus"), "prometheus (Debian package prometheus)");
        work = Files.createTempDirectory("backbone-live-");
        llm = new OpenAiStub();
        service = LiveService.start(Files.createDirectories(work.resolve("service")), llm.environment(KEY, MODEL));
        prometheus = LivePrometheus.start(Files.createDirectories(work.resolve("prometheus")), service.port);
        llmStatus = Yaml.json(Http.get(service.url("/health/readiness")).body())
                .path("components").path("llm").path("status").asString("absent");
        awaitSeries("up{job=\"backbone-ai\"} == 1");

        steps = new ArrayList<>(Traffic.send(service));
        steps.addAll(Traffic.sendLlm(service, llm));
        runDocumentedCurlCommands();
        burst = Traffic.burstUntilRateLimited(service, 80);

        Traffic.breakOutputDir(service);
        Processes.await("readiness 503 once OUTPUT_DIR is a file", null, service.log, Duration.ofSeconds(20),
                () -> Http.get(service.url("/health/readiness")).status() != 200);
        readinessAfterBreak = Http.get(service.url("/health/readiness")).status();
        exposition = Http.get(service.url("/metrics")).body();

        // a few scrapes after the last new series, so that rate() has two samples of each
        awaitSeries("count_over_time(backbone_http_requests_total{endpoint=\"/health/readiness\",status=\"503\"}[1m]) >= 3");
        Processes.await("every rule evaluated", null, prometheus.log, Duration.ofSeconds(30), this::allRulesEvaluated);
    }

    @AfterAll
    void stop() throws IOException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (service != null) {
            service.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void theTrafficGotTheAnswersTheContractPromises() {
        Map<String, Integer> status = new LinkedHashMap<>();
        steps.forEach(s -> status.put(s.what(), s.status()));
        System.out.println("live traffic: " + status + "; " + burst.what());
        assertThat(status).containsEntry("GET /", 200).containsEntry("GET /health", 200)
                .containsEntry("GET /api/v1/status", 200).containsEntry("validate the blog schema", 200)
                .containsEntry("generate the simple schema", 200).containsEntry("generate the blog schema", 200)
                .containsEntry("malformed JSON", 400).containsEntry("an unknown path", 404);
        assertThat(status).containsEntry("design a schema", 200).containsEntry("review the blog schema", 200)
                .containsEntry("generate with an LLM review", 200).containsEntry("design while the provider fails", 502);
        assertThat(status.get("generate an invalid schema")).isBetween(400, 499);
        assertThat(status.get("validate an invalid schema")).isIn(200, 422);
    }

    @Test
    void theLlmWorkReachedTheProviderAndPrometheusSeesItsReportedUsage() throws IOException {
        assertThat(llmStatus).as("readiness llm component with the stub's key").isEqualTo("healthy");
        assertThat(llm.calls()).as("design, review, generation's review, failing design").isEqualTo(4);
        JsonNode prompt = query("sum(backbone_llm_tokens_used_total{provider=\"openai\", model=\"gpt-4\", type=\"prompt\"})").series();
        assertThat(prompt.get(0).path("value").get(1).asString()).isEqualTo("2900");
        for (String type : List.of("prompt", "completion")) {
            String half = "rate(backbone_llm_tokens_used_total{provider=\"openai\", model=\"gpt-4\", type=\"" + type + "\"}[5m])";
            assertThat(query(half).size()).as("each side of the guide's cost query: " + half).isEqualTo(1);
        }
        JsonNode errors = query("backbone_llm_errors_total{provider=\"openai\", error_type=\"server_error\"}").series();
        assertThat(errors.get(0).path("value").get(1).asString()).isEqualTo("1");
        assertThat(query("backbone_agent_executions_total{agent_name=\"schema_designer\", status=\"success\"} == 1").size())
                .isEqualTo(1);
        assertThat(query("backbone_agent_executions_total{agent_name=\"schema_reviewer\", status=\"success\"} == 2").size())
                .isEqualTo(1);
        for (Path log : List.of(service.log, service.workDir.resolve("logs/app.log"))) {
            assertThat(Files.readString(log)).as(log.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void readinessTurns503WhenOutputDirIsNotWritable() {
        assertThat(readinessAfterBreak).isEqualTo(503);
        assertThat(query("sum by (endpoint) (backbone_http_requests_total{status=\"503\"})").size()).isPositive();
    }

    @Test
    void theScrapeTargetIsUp() {
        JsonNode up = query("up{job=\"backbone-ai\"}").series();
        assertThat(up).hasSize(1);
        assertThat(up.get(0).path("value").get(1).asString()).isEqualTo("1");
    }

    @Test
    void everyExampleQueryOfTheGuideParsesAndReturnsData() {
        List<String> problems = new ArrayList<>();
        for (Promql.Query q : Promql.fromMarkdown(ProjectFiles.read(ProjectFiles.guide()))) {
            check("guide: " + q.title(), q.expr(), problems);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyExampleQueryOfOurDocsParsesAndReturnsData() {
        List<String> problems = new ArrayList<>();
        for (Promql.Query q : Promql.fromMarkdown(ProjectFiles.read(ProjectFiles.root().resolve("docs/monitoring.md")))) {
            check("docs/monitoring.md: " + q.title(), q.expr(), problems);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyAlertExpressionParsesAndItsSignalHasData() {
        List<String> problems = new ArrayList<>();
        for (AlertRules.Rule rule : AlertRules.load()) {
            check("alert " + rule.alert(), rule.expr(), problems);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyDashboardPanelExpressionParsesAndReturnsData() {
        List<String> problems = new ArrayList<>();
        for (Dashboards.PanelQuery q : Dashboards.queries()) {
            check("panel " + q.where(), Promql.withGrafanaVariables(q.expr(), "1m", "1h"), problems);
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyMetricNameUsedIsExportedByTheService() {
        Set<String> exported = Exported.names(exposition);
        Set<String> used = new TreeSet<>();
        allExpressions().forEach(e -> used.addAll(Promql.metricNames(e)));
        used.removeAll(PROMETHEUS_OWN);
        assertThat(used).as("names found in the queries").contains("backbone_http_requests_total", "process_uptime_seconds");
        Set<String> missing = new TreeSet<>();
        for (String name : used) {
            if (!exported.contains(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("metric names used by queries, alerts or panels but not in the service's /metrics").isEmpty();
    }

    @Test
    void prometheusLoadedAndEvaluatedEveryRuleWithoutError() {
        List<String> loaded = new ArrayList<>();
        for (JsonNode group : prometheus.api("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                loaded.add(rule.path("name").asString());
                assertThat(rule.path("health").asString()).as(rule.path("name").asString() + ": " + rule.path("lastError"))
                        .isEqualTo("ok");
            }
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(AlertRules.load().stream().map(AlertRules.Rule::alert).toList());
    }

    @Test
    void theNotReadyAlertTriggersOnTheRealReadinessFailure() {
        List<String> states = new ArrayList<>();
        for (JsonNode alert : prometheus.api("/api/v1/alerts").path("data").path("alerts")) {
            if ("BackboneNotReady".equals(alert.path("labels").path("alertname").asString())) {
                states.add(alert.path("state").asString());
            }
        }
        assertThat(states).as("BackboneNotReady waits its 5 minutes as pending").containsExactly("pending");
    }

    @Test
    void theDocumentedCurlCommandsWork() {
        assertThat(curls).as("curl commands found in the guide and docs/monitoring.md").hasSizeGreaterThanOrEqualTo(8);
        curls.forEach((command, result) -> {
            assertThat(result.ok()).as(command + "\n" + result.output()).isTrue();
            assertThat(result.output()).as(command).isNotBlank();
        });
    }

    // ------------------------------------------------------------------------------------

    private void check(String where, String expr, List<String> problems) {
        LivePrometheus.QueryResult full = prometheus.query(expr);
        if (!full.ok()) {
            problems.add(where + ": does not parse: " + full.error() + "\n    " + expr);
            return;
        }
        String signal = Promql.splitThreshold(expr).map(Promql.Threshold::signal).orElse(expr);
        LivePrometheus.QueryResult data = signal.equals(expr) ? full : prometheus.query(signal);
        if (!data.ok()) {
            problems.add(where + ": signal does not parse: " + data.error() + "\n    " + signal);
            return;
        }
        String exempt = emptyAllowed(expr);
        if (data.size() == 0 && exempt == null) {
            problems.add(where + ": no data\n    " + signal);
        } else if (exempt != null) {
            System.out.println("allowed to be empty (" + data.size() + " series): " + where + ": " + exempt);
        }
    }

    /** Why a query may return nothing here, or null when it must return data. */
    private String emptyAllowed(String expr) {
        String normalized = Promql.withoutComments(expr).replaceAll("\\s+", " ");
        if (EMPTY_BY_DESIGN.containsKey(normalized)) {
            return EMPTY_BY_DESIGN.get(normalized);
        }
        return null;
    }

    private List<String> allExpressions() {
        List<String> all = new ArrayList<>();
        Promql.fromMarkdown(ProjectFiles.read(ProjectFiles.guide())).forEach(q -> all.add(q.expr()));
        Promql.fromMarkdown(ProjectFiles.read(ProjectFiles.root().resolve("docs/monitoring.md"))).forEach(q -> all.add(q.expr()));
        AlertRules.load().forEach(r -> all.add(r.expr()));
        Dashboards.queries().forEach(q -> all.add(q.expr()));
        return all;
    }

    /** The guide's and our docs' curl lines, aimed at the test's service instead of localhost:8000. */
    private void runDocumentedCurlCommands() {
        List<String> docs = List.of(ProjectFiles.read(ProjectFiles.guide()),
                ProjectFiles.read(ProjectFiles.root().resolve("docs/monitoring.md")));
        for (String doc : docs) {
            for (String block : Markdown.codeBlocks(doc, "bash")) {
                block.lines().map(String::strip).filter(l -> l.startsWith("curl ")).forEach(line -> {
                    String command = line.replace("localhost:8000", "127.0.0.1:" + service.port);
                    curls.computeIfAbsent(line, l -> Command.run(service.workDir, "bash", "-c", command));
                });
            }
        }
    }

    private LivePrometheus.QueryResult query(String expr) {
        LivePrometheus.QueryResult r = prometheus.query(expr);
        assertThat(r.ok()).as(expr + ": " + r.error()).isTrue();
        return r;
    }

    private void awaitSeries(String expr) {
        Processes.await("Prometheus: " + expr, null, prometheus.log, Duration.ofSeconds(60),
                () -> prometheus.query(expr).size() > 0);
    }

    private boolean allRulesEvaluated() {
        for (JsonNode group : prometheus.api("/api/v1/rules").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if ("unknown".equals(rule.path("health").asString())) {
                    return false;
                }
            }
        }
        return true;
    }
}
