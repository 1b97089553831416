package dev.backbone.deploy.live;

import dev.backbone.deploy.support.ProjectFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real service: {@code java -jar backbone-cli/target/backbone-ai.jar serve} on a free
 * loopback port, with its own working directory (so {@code logs/app.log} lands there) and
 * {@code OUTPUT_DIR}.
 */
final class LiveService implements AutoCloseable {
    final int port;
    final Path workDir;
    final Path outputDir;
    final Path log;
    private final Process process;

    private LiveService(int port, Path workDir, Process process) {
        this.port = port;
        this.workDir = workDir;
        this.outputDir = workDir.resolve("output");
        this.log = workDir.resolve("service-console.log");
        this.process = process;
    }

    static Path jar() {
        return ProjectFiles.root().resolve("backbone-cli/target/backbone-ai.jar");
    }

    /** @param extraEnv more variables for the service (the LLM provider's) */
    static LiveService start(Path workDir, Map<String, String> extraEnv) {
        int port = Http.freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "API_HOST", "127.0.0.1",
                "API_PORT", Integer.toString(port),
                "OUTPUT_DIR", workDir.resolve("output").toString(),
                "ENABLE_METRICS", "true",
                "ENABLE_RATE_LIMITING", "true",
                "APP_ENV", "production", // the contract's rate limits, which the burst of validations runs into
                "LOG_LEVEL", "INFO"));
        env.putAll(extraEnv);
        // a small initial heap makes the JVM collect garbage while starting, so the GC panel has data
        Process process = Processes.start(List.of(javaBinary(), "-Xms32m", "-Xmx512m", "-jar", jar().toString(), "serve"),
                workDir, env, workDir.resolve("service-console.log"));
        LiveService service = new LiveService(port, workDir, process);
        Processes.await("service ready on port " + port, process, service.log, Duration.ofSeconds(120),
                () -> Http.get(service.url("/health/readiness")).status() == 200);
        return service;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
