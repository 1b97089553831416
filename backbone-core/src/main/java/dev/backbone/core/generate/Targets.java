package dev.backbone.core.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The targets on the class path, by name; an unknown name is answered with the list of known ones. */
public final class Targets {

    private static final Map<String, Target> ALL = load();

    private Targets() {}

    private static Map<String, Target> load() {
        Map<String, Target> m = new LinkedHashMap<>();
        for (Target t : ServiceLoader.load(Target.class, Targets.class.getClassLoader())) {
            m.put(t.name(), t);
        }
        return m;
    }

    public static List<Target> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * Resolves names in the given order (blank ones, as {@code -t ",,,"} gives, are skipped);
     * throws {@link IllegalArgumentException} naming the known targets for an unknown name or
     * when no name is left: a run that renders nothing is a mistake, never a success.
     */
    public static List<Target> byNames(List<String> names) {
        List<Target> out = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            Target t = ALL.get(n.strip());
            if (t == null) {
                throw new IllegalArgumentException("unknown target '" + n.strip() + "'; available: " + String.join(", ", ALL.keySet()));
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no target named; give one or more of: " + String.join(", ", ALL.keySet()));
        }
        return out;
    }
}
