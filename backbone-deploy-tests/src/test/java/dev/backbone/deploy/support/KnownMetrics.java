package dev.backbone.deploy.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the service promises: every name in backquotes in the service contract and
 * in deploy/METRICS-NEEDED.md. Offline, queries may only use these; live, the service's own
 * /metrics is the judge (MonitoringStackLiveTest).
 */
public final class KnownMetrics {
    private static final Pattern NAME = Pattern.compile("`([a-z_][a-z0-9_]*_[a-z0-9_]+)(?:\\{[^`]*})?`");
    private static final Pattern SUFFIX = Pattern.compile("_(bucket|sum|count|max)$");

    private KnownMetrics() {}

    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        collect(ProjectFiles.deploy("METRICS-NEEDED.md"), names);
        Path contract = ProjectFiles.guide().resolveSibling("service-contract.md");
        if (Files.isRegularFile(contract)) {
            collect(contract, names);
        }
        return names;
    }

    private static void collect(Path file, Set<String> names) {
        Matcher m = NAME.matcher(ProjectFiles.read(file));
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /** Whether {@code name} (or the histogram/summary family it belongs to) is promised. */
    public static boolean isKnown(String name, Set<String> known) {
        return "up".equals(name) || known.contains(name) || known.contains(SUFFIX.matcher(name).replaceFirst(""));
    }
}
