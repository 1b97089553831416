package dev.backbone.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.Targets;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.server.support.Examples;
import dev.backbone.server.support.Http;
import dev.backbone.server.support.PromText;
import dev.backbone.server.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every metric name used by an example query or alert of the operations guide is exported by
 * the service after real traffic. The queries are read from MONITORING.md itself
 * ({@code $BACKBONE_PROJECT_ROOT/../shared/spec}, else {@code /work/shared/spec}); where the
 * guide is absent, from a copy of its {@code promql} blocks in the test resources.
 */
@ServerTest
class MonitoringQueriesTest {

    /** Series Prometheus makes itself, not the service. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "inf", "nan");

    @LocalServerPort
    int port;

    static List<String> guideQueries() throws IOException {
        String md = null;
        List<Path> candidates = new ArrayList<>();
        String root = System.getenv("BACKBONE_PROJECT_ROOT");
        if (root != null) {
            candidates.add(Path.of(root, "..", "shared", "spec", "MONITORING.md"));
        }
        candidates.add(Path.of("/work/shared/spec/MONITORING.md"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                md = Files.readString(p);
                break;
            }
        }
        List<String> queries = new ArrayList<>();
        if (md != null) {
            Matcher m = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL).matcher(md);
            while (m.find()) {
                queries.add(m.group(1));
            }
        } else {
            try (InputStream in = MonitoringQueriesTest.class.getResourceAsStream("/monitoring/guide-queries.promql")) {
                queries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return queries;
    }

    /** Metric names in PromQL: identifiers that are not functions, keywords, label names, strings or durations. */
    static Set<String> metricNames(String promql) {
        String q = promql.replaceAll("(?m)#.*$", " ")          // comments
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")   // strings
                .replaceAll("\\{[^}]*}", " ")                     // label matchers
                .replaceAll("\\[[^]]*]", " ")                     // range selectors
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " "); // grouping labels
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(q);
        while (m.find()) {
            String word = m.group().replaceAll("\\s*\\($", "");
            boolean call = m.group(1) != null;
            if (!call && !PROMQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))
                    && !Character.isDigit(word.charAt(0))) {
                names.add(word);
            }
        }
        return names;
    }

    @Test
    void theNameReaderFindsMetricsOnly() {
        assertThat(metricNames("histogram_quantile(0.95, rate(x_bucket{a=\"b\"}[5m])) > 10")).containsExactly("x_bucket");
        assertThat(metricNames("max(y) by (stage)\n# comment z\nsum(rate(w[1h])) * 0.03")).containsExactly("y", "w");
    }

    @Test
    void everyMetricTheGuidesQueriesUseIsExportedAfterTraffic() throws IOException {
        Http http = new Http(port);
        http.post("/api/v1/validate", Examples.request("blog_schema.json"));
        http.post("/api/v1/validate", "{\"schema\": {}}");
        if (Targets.names().containsAll(GenerateRequest.DEFAULT_TARGETS)) {
            assertThat(http.post("/api/v1/generate", Examples.request("blog_schema.json")).statusCode()).isEqualTo(200);
        }
        http.get("/no/such/route");
        http.get("/test/boom");
        http.get("/health/readiness");
        PromText exported = PromText.parse(http.get("/metrics").body());
        Set<String> used = new LinkedHashSet<>();
        for (String q : guideQueries()) {
            used.addAll(metricNames(q));
        }
        used.removeAll(PROMETHEUS_OWN);
        assertThat(used).as("metric names in the guide's queries").isNotEmpty()
                .contains("backbone_http_requests_total", "backbone_llm_tokens_used_total");
        assertThat(used).allSatisfy(name -> assertThat(exported.exports(name)).as("%s is exported", name).isTrue());
    }
}
