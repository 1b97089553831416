package dev.backbone.deploy.live;

import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.deploy.support.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Prometheus scraping the service every second, with a configuration derived from
 * deploy/prometheus/prometheus.yml: the same job, path and rule file; the target, intervals
 * and storage changed for the test; no Alertmanager.
 */
final class LivePrometheus implements AutoCloseable {
    final int port;
    final Path log;
    private final Process process;

    private LivePrometheus(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static LivePrometheus start(Path workDir, int servicePort) {
        Path config = workDir.resolve("prometheus.yml");
        write(config, Yaml.toYaml(derivedConfig(servicePort)));
        int port = Http.freePort();
        Path log = workDir.resolve("prometheus.log");
        Process process = Processes.start(List.of("prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--storage.tsdb.retention.time=1h"),
                workDir, Map.of(), log);
        LivePrometheus prometheus = new LivePrometheus(port, log, process);
        Processes.await("Prometheus ready on port " + port, process, log, Duration.ofSeconds(60),
                () -> Http.get(prometheus.url("/-/ready")).status() == 200);
        return prometheus;
    }

    /** Our prometheus.yml, with the backbone-ai job aimed at the test's service. */
    static JsonNode derivedConfig(int servicePort) {
        ObjectNode config = (ObjectNode) Yaml.read(ProjectFiles.deploy("prometheus/prometheus.yml"));
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        config.remove("alerting");
        ArrayNode rules = config.putArray("rule_files");
        for (JsonNode rule : Yaml.read(ProjectFiles.deploy("prometheus/prometheus.yml")).path("rule_files")) {
            rules.add(ProjectFiles.deploy("prometheus").resolve(rule.asString()).toString());
        }
        ArrayNode jobs = (ArrayNode) config.path("scrape_configs");
        for (int i = jobs.size() - 1; i >= 0; i--) {
            ObjectNode job = (ObjectNode) jobs.get(i);
            if (!"backbone-ai".equals(job.path("job_name").asString())) {
                jobs.remove(i);
                continue;
            }
            job.put("scrape_interval", "1s");
            job.put("scrape_timeout", "1s");
            ((ArrayNode) job.path("static_configs").get(0).path("targets")).removeAll().add("127.0.0.1:" + servicePort);
        }
        return config;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The result of an instant query: {@code status} "success" or "error", and the series. */
    record QueryResult(boolean ok, String error, JsonNode series) {
        int size() {
            return series == null ? 0 : series.size();
        }
    }

    QueryResult query(String expr) {
        Http.Response r = Http.get(url("/api/v1/query?query=" + Http.encode(expr)));
        if (r.status() < 0) {
            throw new AssertionError("Prometheus did not answer: " + r.body() + "\n" + Processes.tail(log));
        }
        JsonNode json = Yaml.json(r.body());
        if (!"success".equals(json.path("status").asString())) {
            return new QueryResult(false, json.path("errorType").asString() + ": " + json.path("error").asString(), null);
        }
        JsonNode result = json.path("data").path("result");
        // a scalar or string result is one value, not a vector
        return new QueryResult(true, "", result.isArray() ? result : Yaml.json("[" + result + "]"));
    }

    JsonNode api(String path) {
        return Yaml.json(Http.get(url(path)).body());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
