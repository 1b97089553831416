package dev.backbone.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers pick the right things out of PromQL text (they feed every other test). */
class PromqlTest {

    @Test
    void splitsABlockIntoQueriesAtCommentsAndBlankLines() {
        String md = """
                ### Workflow
                ```promql
                # Success rate
                rate(a_total{status="completed"}[5m]) /
                rate(a_total[5m])

                # Slowest
                max(b) by (stage)
                ```
                #### 4. Service Down
                ```promql
                up{job="backbone-ai"} == 0
                ```
                """;
        assertThat(Promql.fromMarkdown(md)).containsExactly(
                new Promql.Query("Success rate", "rate(a_total{status=\"completed\"}[5m]) /\nrate(a_total[5m])"),
                new Promql.Query("Slowest", "max(b) by (stage)"),
                new Promql.Query("4. Service Down", "up{job=\"backbone-ai\"} == 0"));
    }

    @Test
    void readsEveryExampleQueryOfTheGuide() {
        List<Promql.Query> queries = Promql.fromMarkdown(ProjectFiles.read(ProjectFiles.guide()));
        // HTTP 3, agents 3, workflows 2, LLM cost 1, alerts 5
        assertThat(queries).hasSize(14);
        assertThat(queries).extracting(Promql.Query::title)
                .contains("Request rate by endpoint", "Agent P99 latency", "Slowest workflow stage", "4. Service Down");
    }

    @Test
    void splitsAnAlertIntoSignalAndThreshold() {
        assertThat(Promql.splitThreshold("sum(rate(x[5m]))\n  /\nsum(rate(y[5m]))\n  > 0.05"))
                .contains(new Promql.Threshold("sum(rate(x[5m]))\n  /\nsum(rate(y[5m]))", ">", 0.05));
        assertThat(Promql.splitThreshold("up{job=\"a\"} == 0")).contains(new Promql.Threshold("up{job=\"a\"}", "==", 0));
        assertThat(Promql.splitThreshold("x >= 1e3  # comment")).contains(new Promql.Threshold("x", ">=", 1000));
        assertThat(Promql.splitThreshold("rate(x[5m])")).isEmpty();
    }

    @Test
    void findsMetricNamesButNotFunctionsLabelsKeywordsOrDurations() {
        String expr = """
                histogram_quantile(0.95, sum by (job, le) (rate(a_seconds_bucket{endpoint=~"/api/.+"}[5m])))
                  / on (job) group_left sum without (instance) (b_total offset 1h) > bool 2
                  or vector(0) and up{job="x"} # c_total in a comment
                """;
        assertThat(Promql.metricNames(expr)).containsExactly("a_seconds_bucket", "b_total", "up");
        assertThat(Promql.metricNames("max(backbone_x) by (stage)")).containsExactly("backbone_x");
        assertThat(Promql.metricNames("sum(rate(t{type=\"prompt\"}[1h])) * 0.03 / 1e3")).containsExactly("t");
    }

    @Test
    void replacesGrafanaIntervalVariables() {
        assertThat(Promql.withGrafanaVariables("rate(x[$__rate_interval]) + increase(y[${__range}])", "1m", "1h"))
                .isEqualTo("rate(x[1m]) + increase(y[1h])");
    }
}
