package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Compose stack and the image. No Docker daemon runs here, so the stack is checked with
 * docker-compose's own validation and structurally; the image build is not run.
 */
class ComposeAndDockerfileTest {
    private final Path deploy = ProjectFiles.deploy("");
    private final JsonNode compose = Yaml.read(ProjectFiles.deploy("docker-compose.yml"));

    @Test
    void dockerComposeAcceptsTheFileAndAsksForTheGrafanaPassword() {
        require(Command.onPath("docker-compose"), "docker-compose (Debian package docker-compose)");
        Command.Result ok = Command.run(deploy, Map.of("GRAFANA_ADMIN_PASSWORD", "test-only"),
                List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));
        assertThat(ok.ok()).as(ok.output()).isTrue();

        Command.Result missing = Command.run(deploy, Map.of("GRAFANA_ADMIN_PASSWORD", ""),
                List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.output()).contains("set GRAFANA_ADMIN_PASSWORD");
    }

    @Test
    void theTracingProfileAddsJaegerReceivingOtlpAndTheServiceSendsThere() {
        require(Command.onPath("docker-compose"), "docker-compose (Debian package docker-compose)");
        Command.Result plain = Command.run(deploy, Map.of("GRAFANA_ADMIN_PASSWORD", "test-only"),
                List.of("docker-compose", "-f", "docker-compose.yml", "config", "--services"));
        assertThat(plain.ok()).as(plain.output()).isTrue();
        assertThat(plain.output().lines()).doesNotContain("jaeger");
        Command.Result traced = Command.run(deploy, Map.of("GRAFANA_ADMIN_PASSWORD", "test-only",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318"),
                List.of("docker-compose", "-f", "docker-compose.yml", "--profile", "tracing", "config"));
        assertThat(traced.ok()).as(traced.output()).isTrue();
        JsonNode jaeger = compose.path("services").path("jaeger");
        assertThat(jaeger.path("profiles").valueStream().map(JsonNode::asString)).containsExactly("tracing");
        assertThat(jaeger.path("ports").valueStream().map(JsonNode::asString)).contains("4318:4318", "16686:16686");
        assertThat(traced.output()).contains("OTEL_EXPORTER_OTLP_ENDPOINT: http://jaeger:4318");
        assertThat(compose.path("services").path("backbone-ai").path("environment").valueStream().map(JsonNode::asString))
                .contains("OTEL_EXPORTER_OTLP_ENDPOINT=${OTEL_EXPORTER_OTLP_ENDPOINT:-}");
    }

    @Test
    void theServiceIsTheGuidesBackboneAiContainer() {
        JsonNode service = compose.path("services").path("backbone-ai");
        assertThat(service.path("container_name").asString()).as("so that `docker logs backbone-ai` works").isEqualTo("backbone-ai");
        assertThat(service.path("image").asString()).isEqualTo("backbone-ai:latest");
        assertThat(service.path("ports").get(0).asString()).isEqualTo("8000:8000");
        assertThat(service.path("environment").valueStream().map(JsonNode::asString)).contains("ENABLE_METRICS=true");
        Path context = deploy.resolve(service.path("build").path("context").asString()).normalize();
        assertThat(context).isEqualTo(ProjectFiles.root());
        assertThat(context.resolve(service.path("build").path("dockerfile").asString())).isRegularFile();
        assertThat(compose.path("services").propertyNames()).contains("prometheus", "alertmanager", "grafana", "redis");
    }

    @Test
    void theServiceSharesTheStacksRedis() {
        JsonNode service = compose.path("services").path("backbone-ai");
        assertThat(service.path("environment").valueStream().map(JsonNode::asString)).contains("REDIS_URL=redis://redis:6379/0");
        assertThat(service.path("depends_on").valueStream().map(JsonNode::asString)).contains("redis");
        assertThat(compose.path("services").path("redis").path("image").asString()).startsWith("redis:");
    }

    @Test
    void everyBindMountedFileIsInTheRepository() {
        for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(deploy.resolve(source).normalize()).as(service.getKey() + " mounts " + source).exists();
                } else {
                    assertThat(compose.path("volumes").has(source)).as(service.getKey() + " volume " + source).isTrue();
                }
            }
        }
    }

    @Test
    void prometheusReachesTheServiceAndAlertmanagerByTheirComposeNames() {
        JsonNode prometheus = Yaml.read(ProjectFiles.deploy("prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> {
            if ("backbone-ai".equals(job.path("job_name").asString())) {
                targets.add(job.path("static_configs").get(0).path("targets").get(0).asString());
            }
        });
        targets.add(prometheus.path("alerting").path("alertmanagers").get(0).path("static_configs").get(0)
                .path("targets").get(0).asString());
        for (String target : targets) {
            String host = target.split(":")[0];
            String port = target.split(":")[1];
            JsonNode service = compose.path("services").path(host);
            assertThat(service.isMissingNode()).as(target + " is a Compose service").isFalse();
            assertThat(service.path("ports").valueStream().map(JsonNode::asString)).as(target)
                    .anyMatch(p -> p.endsWith(":" + port));
        }
    }

    @Test
    void grafanaTakesItsAdminPasswordFromTheEnvironment() {
        assertThat(compose.path("services").path("grafana").path("environment").valueStream().map(JsonNode::asString))
                .anyMatch(e -> e.startsWith("GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_ADMIN_PASSWORD:?"));
    }

    @Test
    void theImageIsBuiltByTheWrapperAndRunsAsNonRootWithAHealthCheck() throws Exception {
        List<String> lines = instructions(Files.readString(ProjectFiles.deploy("Dockerfile")));
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).endsWith(" AS build");
        assertThat(froms.get(1)).contains("-jre");
        int runtime = lines.indexOf(froms.get(1));
        List<String> build = lines.subList(0, runtime);
        List<String> run = lines.subList(runtime, lines.size());
        assertThat(build).anyMatch(l -> l.startsWith("RUN ") && l.contains("./mvnw") && l.contains("-pl backbone-cli"));
        assertThat(run).anyMatch(l -> l.startsWith("COPY --from=build") && l.contains("backbone-ai.jar"));
        assertThat(run).filteredOn(l -> l.startsWith("USER ")).singleElement()
                .satisfies(u -> assertThat(u).doesNotContain("root").isNotEqualTo("USER 0"));
        assertThat(run).filteredOn(l -> l.startsWith("HEALTHCHECK ")).singleElement()
                .satisfies(h -> assertThat(h).contains("/health/liveness"));
        assertThat(run).contains("EXPOSE 8000");
        assertThat(String.join("\n", run)).contains("-XX:MaxRAMPercentage=").contains("exec java");
        assertThat(ProjectFiles.deploy("Dockerfile.dockerignore")).isRegularFile();
    }

    /** A container defaults to production anyway; the image and the compose file say so explicitly (docs/configuration.md). */
    @Test
    void theImageAndTheComposeServiceRunInProduction() throws Exception {
        List<String> lines = instructions(Files.readString(ProjectFiles.deploy("Dockerfile")));
        assertThat(lines).filteredOn(l -> l.startsWith("ENV ")).anyMatch(l -> l.contains(" APP_ENV=production"));
        assertThat(compose.path("services").path("backbone-ai").path("environment").valueStream().map(JsonNode::asString))
                .contains("APP_ENV=${APP_ENV:-production}");
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean more = t.endsWith("\\");
            current.append(more ? t.substring(0, t.length() - 1) : t).append(more ? " " : "");
            if (!more) {
                out.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return out;
    }
}
