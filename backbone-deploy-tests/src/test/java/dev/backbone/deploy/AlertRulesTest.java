package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.AlertRules;
import dev.backbone.deploy.support.AlertRules.Rule;
import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Markdown;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Promql;
import dev.backbone.deploy.support.Yaml;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** alerts.yml: the guide's five alerts and ours, well-formed, documented, and unit-tested. */
class AlertRulesTest {
    private static final List<String> GUIDE_ALERTS = List.of("BackboneHighErrorRate", "BackboneHighLatency",
            "BackboneLLMErrors", "BackboneServiceDown", "BackboneHighLLMCost");
    private static final List<String> OUR_ALERTS = List.of("BackboneNotReady", "BackboneWorkflowFailures",
            "BackboneSlowWorkflows", "BackboneRateLimitRejections");

    private final List<Rule> rules = AlertRules.load();

    @Test
    void promtoolAcceptsTheRules() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        Command.Result result = Command.run(AlertRules.file().getParent(), "promtool", "check", "rules", "alerts.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void everyAlertFiresAndStaysSilentAsItsUnitTestsSay() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        Command.Result result = Command.run(AlertRules.file().getParent(), "promtool", "test", "rules", "alerts.test.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void holdsTheGuidesFiveAlertsAndTheOnesOperatorsNeedBeyondThem() {
        assertThat(rules).extracting(Rule::alert).containsExactlyInAnyOrderElementsOf(
                concat(GUIDE_ALERTS, OUR_ALERTS));
    }

    @Test
    void everyAlertWaitsHasASeverityASummaryADescriptionAndARunbook() {
        Set<String> anchors = new HashSet<>(Markdown.anchors(
                ProjectFiles.read(ProjectFiles.root().resolve("docs/monitoring.md"))));
        for (Rule rule : rules) {
            assertThat(rule.forDuration()).as(rule.alert() + " for:").matches("\\d+[smh]");
            assertThat(rule.labels().get("severity")).as(rule.alert() + " severity")
                    .isIn("critical", "warning", "info");
            assertThat(rule.annotations()).as(rule.alert() + " annotations")
                    .containsKeys("summary", "description", "runbook_url");
            String runbook = rule.annotations().get("runbook_url");
            assertThat(runbook).as(rule.alert() + " runbook").startsWith("docs/monitoring.md#");
            assertThat(anchors).as(rule.alert() + " runbook section in docs/monitoring.md")
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void everyExpressionIsASignalComparedWithAThreshold() {
        for (Rule rule : rules) {
            assertThat(Promql.splitThreshold(rule.expr())).as(rule.alert() + ": " + rule.expr()).isPresent();
        }
    }

    @Test
    void everyAlertHasAFiringAndASilentUnitTest() {
        JsonNode tests = Yaml.read(AlertRules.file().resolveSibling("alerts.test.yml"));
        Set<String> fires = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String name = check.path("alertname").asString();
                (check.path("exp_alerts").isEmpty() ? silent : fires).add(name);
            }
        }
        for (Rule rule : rules) {
            assertThat(fires).as("a test where " + rule.alert() + " fires").contains(rule.alert());
            assertThat(silent).as("a test where " + rule.alert() + " stays silent").contains(rule.alert());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
