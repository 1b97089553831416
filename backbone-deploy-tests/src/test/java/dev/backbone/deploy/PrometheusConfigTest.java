package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** prometheus.yml is the guide's scrape job, loads the alert rules and reaches Alertmanager. */
class PrometheusConfigTest {
    private final Path folder = ProjectFiles.deploy("prometheus");

    @Test
    void promtoolAcceptsTheConfigAndTheRulesItLoads() {
        require(Command.onPath("promtool"), "promtool (Debian package prometheus)");
        Command.Result result = Command.run(folder, "promtool", "check", "config", "prometheus.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found", "alerts.yml");
    }

    @Test
    void scrapesTheGuidesJobAndPath() {
        JsonNode config = Yaml.read(folder.resolve("prometheus.yml"));
        JsonNode job = null;
        for (JsonNode j : config.path("scrape_configs")) {
            if ("backbone-ai".equals(j.path("job_name").asString())) {
                job = j;
            }
        }
        assertThat(job).as("scrape job backbone-ai").isNotNull();
        assertThat(job.path("metrics_path").asString()).isEqualTo("/metrics");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asString()).isEqualTo("backbone-ai:8000");
    }

    @Test
    void loadsAlertsYmlAndSendsToAlertmanager() {
        JsonNode config = Yaml.read(folder.resolve("prometheus.yml"));
        assertThat(config.path("rule_files").get(0).asString()).isEqualTo("alerts.yml");
        assertThat(config.path("alerting").path("alertmanagers").get(0).path("static_configs").get(0)
                .path("targets").get(0).asString()).isEqualTo("alertmanager:9093");
    }
}
