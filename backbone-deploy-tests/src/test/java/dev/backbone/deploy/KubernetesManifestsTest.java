package dev.backbone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.AlertRules;
import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.Markdown;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Kubernetes manifests, checked for what the guide and the issue require: the guide's
 * probes, the security context, resources, and that the objects refer to each other. (Their
 * schema validity is KubernetesSchemaTest's job.)
 */
class KubernetesManifestsTest {
    private final Path folder = ProjectFiles.deploy("k8s");
    private final List<JsonNode> docs = manifests();

    @Test
    void everyDocumentNamesItsApiVersionKindAndName() {
        assertThat(docs).isNotEmpty();
        for (JsonNode doc : docs) {
            assertThat(doc.path("apiVersion").asString()).as(doc.toString()).matches("[a-z0-9.]*/?v\\d+\\w*");
            assertThat(doc.path("kind").asString()).as(doc.toString()).matches("[A-Z]\\w+");
            assertThat(doc.path("metadata").path("name").asString()).as(doc.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void shipsEveryObjectTheIssueAsksFor() {
        assertThat(docs).extracting(d -> d.path("apiVersion").asString() + " " + d.path("kind").asString())
                .containsExactlyInAnyOrder("apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 Secret",
                        "autoscaling/v2 HorizontalPodAutoscaler", "policy/v1 PodDisruptionBudget",
                        "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule",
                        "apps/v1 Deployment", "v1 Service");
    }

    @Test
    void theReplicasShareTheRedisOfRedisYaml() {
        JsonNode redis = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asString())
                && "backbone-ai-redis".equals(d.path("metadata").path("name").asString())).findFirst().orElseThrow();
        JsonNode redisService = docs.stream().filter(d -> "Service".equals(d.path("kind").asString())
                && "backbone-ai-redis".equals(d.path("metadata").path("name").asString())).findFirst().orElseThrow();
        JsonNode podLabels = redis.path("spec").path("template").path("metadata").path("labels");
        assertThat(contains(podLabels, redisService.path("spec").path("selector"))).as("the Redis Service selects Redis").isTrue();
        assertThat(contains(podLabels, kind("Service").path("spec").path("selector")))
                .as("the service's Service does not select Redis").isFalse();
        String url = kind("ConfigMap").path("data").path("REDIS_URL").asString();
        assertThat(url).isEqualTo("redis://" + redisService.path("metadata").path("name").asString() + ":"
                + redisService.path("spec").path("ports").get(0).path("port").asInt() + "/0");
        JsonNode security = redis.path("spec").path("template").path("spec").path("containers").get(0).path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    }

    @Test
    void livenessAndReadinessProbesAreExactlyTheGuides() {
        JsonNode container = container();
        List<JsonNode> guideBlocks = Markdown.codeBlocks(ProjectFiles.read(ProjectFiles.guide()), "yaml").stream()
                .map(Yaml::parse).filter(b -> b.has("livenessProbe") || b.has("readinessProbe")).toList();
        assertThat(guideBlocks).hasSize(2);
        for (JsonNode block : guideBlocks) {
            String probe = block.propertyNames().iterator().next();
            assertThat(container.path(probe)).as(probe).isEqualTo(block.path(probe));
        }
    }

    @Test
    void aStartupProbeGivesTheJvmAMinuteBeforeLivenessCounts() {
        JsonNode startup = container().path("startupProbe");
        assertThat(startup.path("httpGet").path("path").asString()).isEqualTo("/health/liveness");
        assertThat(startup.path("httpGet").path("port").asInt()).isEqualTo(8000);
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithWritableTmpLogsAndOutput() {
        JsonNode pod = deployment().path("spec").path("template").path("spec");
        JsonNode podSecurity = pod.path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.path("runAsUser").asInt()).isPositive();
        JsonNode security = container().path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("capabilities").path("drop").valueStream().map(JsonNode::asString)).contains("ALL");

        Set<String> emptyDirs = pod.path("volumes").valueStream().filter(v -> v.has("emptyDir"))
                .map(v -> v.path("name").asString()).collect(Collectors.toSet());
        Map<String, String> mounts = container().path("volumeMounts").valueStream()
                .collect(Collectors.toMap(m -> m.path("mountPath").asString(), m -> m.path("name").asString()));
        assertThat(mounts).containsKeys("/tmp", "/app/logs", "/app/output");
        assertThat(emptyDirs).containsAll(mounts.values());
    }

    @Test
    void requestsAndLimitsCpuAndMemory() {
        JsonNode resources = container().path("resources");
        for (String kind : List.of("requests", "limits")) {
            assertThat(resources.path(kind).path("cpu").asString()).as(kind + ".cpu").isNotBlank();
            assertThat(resources.path(kind).path("memory").asString()).as(kind + ".memory").isNotBlank();
        }
    }

    @Test
    void theObjectsReferToEachOther() {
        JsonNode deployment = deployment();
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertThat(contains(podLabels, deployment.path("spec").path("selector").path("matchLabels"))).isTrue();

        JsonNode service = kind("Service");
        assertThat(contains(podLabels, service.path("spec").path("selector"))).as("Service selects the pods").isTrue();
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        assertThat(container().path("ports").valueStream().map(p -> p.path("name").asString()))
                .contains(servicePort.path("targetPort").asString());

        JsonNode monitor = kind("ServiceMonitor");
        assertThat(contains(service.path("metadata").path("labels"), monitor.path("spec").path("selector").path("matchLabels")))
                .as("ServiceMonitor selects the Service").isTrue();
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertThat(endpoint.path("port").asString()).isEqualTo(servicePort.path("name").asString());
        assertThat(endpoint.path("path").asString()).isEqualTo("/metrics");
        assertThat(service.path("metadata").path("name").asString())
                .as("the Service name becomes the job label that up{job=\"backbone-ai\"} expects").isEqualTo("backbone-ai");

        assertThat(kind("HorizontalPodAutoscaler").path("spec").path("scaleTargetRef").path("name").asString())
                .isEqualTo(deployment.path("metadata").path("name").asString());
        assertThat(contains(podLabels, kind("PodDisruptionBudget").path("spec").path("selector").path("matchLabels"))).isTrue();

        List<JsonNode> envFrom = container().path("envFrom").valueStream().toList();
        assertThat(envFrom).extracting(e -> e.path("configMapRef").path("name").asString())
                .contains(kind("ConfigMap").path("metadata").path("name").asString());
        assertThat(envFrom).extracting(e -> e.path("secretRef").path("name").asString())
                .contains(kind("Secret").path("metadata").path("name").asString());
    }

    @Test
    void thePrometheusRuleIsTheGeneratorsOutputForAlertsYml() {
        Path committed = folder.resolve("prometheusrule.yaml");
        Command.Result generated = Command.run(ProjectFiles.root(), "bash", "deploy/k8s/generate-prometheusrule.sh", "-");
        assertThat(generated.ok()).as(generated.output()).isTrue();
        assertThat(ProjectFiles.read(committed))
                .as("deploy/k8s/prometheusrule.yaml is out of date: run deploy/k8s/generate-prometheusrule.sh")
                .isEqualTo(generated.output());
        assertThat(Yaml.read(committed).path("spec").path("groups"))
                .isEqualTo(Yaml.read(AlertRules.file()).path("groups"));
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
        List<String> resources = Yaml.read(folder.resolve("kustomization.yaml")).path("resources").valueStream()
                .map(JsonNode::asString).toList();
        List<String> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml") && !n.contains(".example.")).toList();
        }
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
    }

    private JsonNode container() {
        return deployment().path("spec").path("template").path("spec").path("containers").get(0);
    }

    private JsonNode deployment() {
        return kind("Deployment");
    }

    /** The pods run in production explicitly, not only because Kubernetes is detected (docs/configuration.md). */
    @Test
    void theConfigMapSetsProduction() {
        assertThat(kind("ConfigMap").path("data").path("APP_ENV").asString()).isEqualTo("production");
    }

    /** The service's own object of that kind (not the Redis beside it). */
    private JsonNode kind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asString()))
                .filter(d -> !d.path("metadata").path("name").asString().endsWith("-redis")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in deploy/k8s"));
    }

    /** Whether every key/value of {@code subset} is in {@code labels}. */
    private static boolean contains(JsonNode labels, JsonNode subset) {
        if (subset.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : subset.properties()) {
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private List<JsonNode> manifests() {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    all.addAll(Yaml.readAll(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
