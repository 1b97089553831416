package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Markdown;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** alertmanager.yml: valid for amtool, the guide's routing, no secret in the file. */
class AlertmanagerConfigTest {
    private final Path file = ProjectFiles.deploy("alertmanager/alertmanager.yml");

    @Test
    void amtoolAcceptsTheConfig() {
        require(Command.onPath("amtool"), "amtool (Debian package prometheus-alertmanager)");
        Command.Result result = Command.run(file.getParent(), "amtool", "check-config", "alertmanager.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertReachesTheTeamEmailReceiver() {
        require(Command.onPath("amtool"), "amtool (Debian package prometheus-alertmanager)");
        for (String severity : new String[] {"critical", "warning", "info"}) {
            Command.Result result = Command.run(file.getParent(), "amtool", "config", "routes", "test",
                    "--config.file=alertmanager.yml", "alertname=BackboneHighErrorRate", "severity=" + severity);
            assertThat(result.ok()).as(result.output()).isTrue();
            // amtool prints a warning about --alertmanager.url first; the receiver is the last line
            List<String> lines = result.output().strip().lines().toList();
            assertThat(lines.get(lines.size() - 1).strip()).isEqualTo("team-email");
        }
    }

    @Test
    void routesAsTheGuideSays() {
        JsonNode guide = Markdown.codeBlocks(ProjectFiles.read(ProjectFiles.guide()), "yaml").stream()
                .filter(b -> b.contains("receivers:")).map(Yaml::parse).findFirst().orElseThrow();
        JsonNode ours = Yaml.read(file);
        assertThat(ours.path("route")).isEqualTo(guide.path("route"));
        assertThat(ours.path("receivers").get(0).path("name").asString()).isEqualTo("team-email");
        assertThat(ours.path("receivers").get(0).path("email_configs").get(0).path("to").asString())
                .isEqualTo(guide.path("receivers").get(0).path("email_configs").get(0).path("to").asString());
    }

    @Test
    void keepsTheSmtpPasswordOutOfTheFile() {
        JsonNode global = Yaml.read(file).path("global");
        assertThat(global.has("smtp_auth_password")).isFalse();
        assertThat(global.path("smtp_auth_password_file").asString()).startsWith("/etc/alertmanager/secrets/");
    }
}
