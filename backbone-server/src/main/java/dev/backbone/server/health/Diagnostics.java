package dev.backbone.server.health;

import dev.backbone.server.config.BuildInfo;
import dev.backbone.server.config.Settings;
import dev.backbone.server.lifecycle.ServerState;
import dev.backbone.server.tracing.TracingService;
import dev.backbone.server.workflow.WorkflowService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /health/detailed} adds to readiness for a human debugging the service: JVM
 * memory and threads, disk space where files are written, build, process and workflows in
 * progress, the tracing exporter's state. Reads JMX beans and {@code /proc}; calls nothing external.
 */
final class Diagnostics {

    private final Settings settings;
    private final ServerState state;
    private final WorkflowService workflows;
    private final TracingService tracing;

    Diagnostics(Settings settings, ServerState state, WorkflowService workflows, TracingService tracing) {
        this.settings = settings;
        this.state = state;
        this.workflows = workflows;
        this.tracing = tracing;
    }

    Map<String, Object> collect() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("app_name", settings.app().name());
        d.put("debug", settings.app().debug());
        d.put("log_level", settings.logging().level());
        d.put("uptime_seconds", state.uptimeSeconds());
        d.put("started_at", state.startedAt().toString());
        d.put("draining", state.draining());
        d.put("active_workflows", Map.of("generation", workflows.activeGenerations(), "validation", workflows.activeValidations()));
        d.put("jvm", jvm());
        d.put("threads", threads());
        d.put("disk", disk());
        d.put("build", build());
        d.put("process", process());
        d.put("metrics", Map.of("enabled", settings.metrics().enabled(), "port",
                settings.metrics().separatePort() ? settings.metrics().port() : settings.server().port()));
        d.put("tracing", tracing.status());
        return d;
    }

    private static Map<String, Object> jvm() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = mem.getHeapMemoryUsage();
        MemoryUsage nonHeap = mem.getNonHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("heap_used_bytes", heap.getUsed());
        m.put("heap_committed_bytes", heap.getCommitted());
        m.put("heap_max_bytes", heap.getMax());
        m.put("non_heap_used_bytes", nonHeap.getUsed());
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(g -> Map.of("name", g.getName(), "collections", g.getCollectionCount(), "time_ms", g.getCollectionTime()))
                .toList());
        return m;
    }

    private static Map<String, Object> threads() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long[] deadlocked = t.findDeadlockedThreads();
        return Map.of("live", t.getThreadCount(), "daemon", t.getDaemonThreadCount(), "peak", t.getPeakThreadCount(),
                "deadlocked", deadlocked == null ? 0 : deadlocked.length);
    }

    private Map<String, Object> disk() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : Map.of("output_dir", settings.outputDir(), "log_dir", settings.logging().dir()).entrySet()) {
            Path p = e.getValue().toAbsolutePath().normalize();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("path", p.toString());
            try {
                Path existing = p;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                FileStore fs = Files.getFileStore(existing == null ? Path.of("/") : existing);
                one.put("total_bytes", fs.getTotalSpace());
                one.put("usable_bytes", fs.getUsableSpace());
            } catch (IOException ex) {
                one.put("error", ex.getClass().getSimpleName());
            }
            m.put(e.getKey(), one);
        }
        return m;
    }

    private static Map<String, Object> build() {
        BuildInfo b = BuildInfo.current();
        return Map.of("version", b.version(), "java", b.javaVersion(), "spring_boot", b.springBootVersion());
    }

    private static Map<String, Object> process() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", ProcessHandle.current().pid());
        m.put("available_processors", Runtime.getRuntime().availableProcessors());
        long rss = residentBytes();
        if (rss > 0) {
            m.put("resident_memory_bytes", rss);
        }
        return m;
    }

    /** VmRSS from {@code /proc/self/status} (Linux), or -1. */
    static long residentBytes() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith("VmRSS:")) {
                    String[] parts = l.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
