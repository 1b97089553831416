package dev.backbone.deploy;

import static dev.backbone.core.testsupport.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.deploy.support.Command;
import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s against the Kubernetes and Prometheus Operator schemas. Debian packages neither
 * kubeconform nor kubeval; the npm packages kubernetes-models and
 * {@code @kubernetes-models/prometheus-operator} carry validators generated from the same
 * OpenAPI definitions (types, required fields, enums, formats), run by deploy/k8s/validate.
 * The packages are installed on first use (npm install into deploy/k8s/validate/node_modules).
 */
class KubernetesSchemaTest {
    private static final Path VALIDATOR = ProjectFiles.deploy("k8s/validate");

    @BeforeAll
    static void installTheValidator() {
        require(Command.onPath("node") && Command.onPath("npm"), "node and npm (Debian packages nodejs, npm)");
        if (!Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models"))) {
            Command.Result install = Command.run(VALIDATOR, "npm", "install", "--no-audit", "--no-fund");
            require(install.ok(), "the npm packages of deploy/k8s/validate (npm install failed: "
                    + install.output().strip() + ")");
        }
    }

    @Test
    void everyManifestMatchesItsSchema() throws IOException {
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.resolve("validate.mjs").toString()));
        int documents = 0;
        try (Stream<Path> files = Files.list(ProjectFiles.deploy("k8s"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    command.add(file.toString());
                    documents += Yaml.readAll(file).size();
                }
            }
        }
        Command.Result result = Command.run(ProjectFiles.root(), command);
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains(documents + " valid, 0 invalid");
    }

    @Test
    void aManifestThatBreaksTheSchemaIsRejected() throws IOException {
        String deployment = ProjectFiles.read(ProjectFiles.deploy("k8s/deployment.yaml"))
                .replace("periodSeconds: 10", "periodSeconds: \"ten\"")
                .replace("        - name: backbone-ai\n", "        - nam: backbone-ai\n");
        Path broken = Files.createTempFile("broken-deployment", ".yaml");
        try {
            Files.writeString(broken, deployment);
            Command.Result result = Command.run(ProjectFiles.root(), "node", VALIDATOR.resolve("validate.mjs").toString(),
                    broken.toString());
            assertThat(result.ok()).isFalse();
            assertThat(result.output()).contains("periodSeconds must be integer", "must have required property name");
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
