package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Markdown;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Promql;
import dev.backbone.deploy.support.RuleCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/monitoring.md: its promtool and amtool commands run as written (from the repository
 * root), its example queries parse, and it sends METRICS_PORT readers to the configuration page.
 * Its curl commands and the data behind its queries are checked by MonitoringStackLiveTest.
 */
class DocsTest {
    private final String doc = ProjectFiles.read(ProjectFiles.root().resolve("docs/monitoring.md"));

    @Test
    void everyPromtoolAndAmtoolCommandRunsAsWritten() {
        require(Command.onPath("promtool") && Command.onPath("amtool"),
                "promtool and amtool (Debian packages prometheus, prometheus-alertmanager)");
        List<String> commands = commands("promtool ", "amtool ");
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        for (String command : commands) {
            Command.Result result = Command.run(ProjectFiles.root(), "bash", "-c", command);
            assertThat(result.ok()).as(command + "\n" + result.output()).isTrue();
        }
    }

    @Test
    void everyExampleQueryParses() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        List<String> queries = Promql.fromMarkdown(doc).stream().map(Promql.Query::expr).toList();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
        Command.Result result = RuleCheck.checkExpressions(queries);
        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    void pointsToTheConfigurationPageForMetricsPort() {
        assertThat(doc).contains("`METRICS_PORT`").contains("see docs/configuration.md");
    }

    private List<String> commands(String... prefixes) {
        return Markdown.codeBlocks(doc, "bash").stream().flatMap(String::lines).map(String::strip)
                .filter(l -> List.of(prefixes).stream().anyMatch(l::startsWith)).toList();
    }
}
