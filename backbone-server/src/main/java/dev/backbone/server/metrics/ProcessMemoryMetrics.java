package dev.backbone.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code process_resident_memory_bytes} and {@code process_virtual_memory_bytes} from
 * {@code /proc/self/status} (Linux), the names Prometheus' own clients use: heap numbers alone
 * hide what the container's memory limit sees.
 */
final class ProcessMemoryMetrics implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!Files.isReadable(STATUS)) {
            return;
        }
        Gauge.builder("process.resident.memory", () -> read("VmRSS:")).baseUnit("bytes")
                .description("Resident set size").register(registry);
        Gauge.builder("process.virtual.memory", () -> read("VmSize:")).baseUnit("bytes")
                .description("Virtual memory size").register(registry);
    }

    private static double read(String key) {
        try {
            for (String l : Files.readAllLines(STATUS)) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
