package dev.backbone.server.config;

import dev.backbone.core.env.DotEnv;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Names that look like settings but are none: warned at start-up with the nearest known name,
 * so that {@code serve LOG_LEVL=DEBUG} or a misspelt line in {@code .env} does not pass
 * silently. The known names are those {@link SettingsLoader} looks up (so the list cannot fall
 * behind the loader), the per-agent patterns, and the few variables other parts read.
 *
 * <p>Which unknown names are worth a word depends on where they come from: every
 * {@code NAME=value} on the command line was meant as a setting; the environment and
 * {@code .env} hold plenty that is not ours ({@code PATH}, a generated app's
 * {@code DATABASE_URL}), so there only a near miss of a known name (edit distance 1 for short
 * names, 2 from 8 characters) or an unknown {@code BACKBONE_*} name is reported.
 */
public final class SettingNames {

    /** Read outside the loader: the launcher, the image, the CLI's debug switch and test helpers. */
    static final Set<String> OTHERS = Set.of("BACKBONE_DEBUG", "BACKBONE_JAVA_OPTS", "BACKBONE_SERVE_OPTS",
            "BACKBONE_PYTHON", "BACKBONE_MERMAID_DIR", "BACKBONE_PROJECT_ROOT", "BACKBONE_DAEMON", "BACKBONE_DAEMON_DIR",
            "BACKBONE_DAEMON_IDLE", "BACKBONE_DAEMON_OPTS", "JAVA_OPTS", "JAVA_HOME");
    /**
     * {@code <AGENT>_LLM_PROVIDER} for any agent, {@code <AGENT>_MODEL} for the known ones, test-only
     * switches, and every {@code OTEL_*} name: the OpenTelemetry SDK's own configuration, which it
     * reads itself (docs/configuration.md, "Tracing").
     */
    private static final Pattern PATTERNS = Pattern.compile("[A-Z][A-Z0-9_]*_LLM_PROVIDER|("
            + String.join("|", LlmSettingsLoader.KNOWN_AGENTS) + ")_MODEL|BACKBONE_TEST_[A-Z0-9_]*|OTEL_[A-Z0-9_]+");

    private static volatile Set<String> known;

    private SettingNames() {}

    /** Every fixed setting name. */
    public static Set<String> known() {
        Set<String> k = known;
        if (k == null) {
            Set<String> all = new TreeSet<>(SettingsLoader.namesRead());
            all.addAll(OTHERS);
            known = k = java.util.Collections.unmodifiableSet(all);
        }
        return k;
    }

    static boolean isKnown(String name) {
        return known().contains(name) || PATTERNS.matcher(name).matches();
    }

    /**
     * One warning per suspicious name, in the order command line, {@code .env}, environment.
     *
     * @param commandLine the {@code NAME=value} arguments' names
     * @param dotEnv the names {@code .env} defines
     * @param environment the process environment's names
     */
    public static List<String> warnings(Collection<String> commandLine, Collection<String> dotEnv,
            Collection<String> environment) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String name : new TreeSet<>(commandLine)) {
            if (seen.add(name) && !isKnown(name)) {
                out.add(message(name, "on the command line", nearest(name)));
            }
        }
        for (Map.Entry<String, Collection<String>> source : List.of(Map.entry("in .env", dotEnv),
                Map.entry("in the environment", environment))) {
            for (String name : new TreeSet<>(source.getValue())) {
                if (!seen.add(name) || isKnown(name)) {
                    continue;
                }
                String near = nearest(name);
                if (near != null || name.startsWith("BACKBONE_")) {
                    out.add(message(name, source.getKey(), near));
                }
            }
        }
        return out;
    }

    /** {@link #warnings} for {@code serve}: its {@code NAME=value} arguments, {@code .env} and the process environment. */
    public static List<String> startupWarnings(Map<String, String> commandLine, java.nio.file.Path dotEnvFile) {
        return warnings(commandLine.keySet(), DotEnv.load(dotEnvFile).keySet(), System.getenv().keySet());
    }

    /**
     * When {@code APP_ENV} is set nowhere: which environment was chosen and why, with the rate
     * limits that follow (a developer in a container otherwise wonders about a 429); else {@code null}.
     */
    public static String environmentNote(Map<String, String> commandLine, java.nio.file.Path dotEnvFile, Settings settings) {
        if (commandLine.containsKey("APP_ENV") || System.getenv("APP_ENV") != null
                || DotEnv.load(dotEnvFile).containsKey("APP_ENV")) {
            return null;
        }
        String evidence = Container.evidence(System::getenv, java.nio.file.Files::exists);
        Settings.RateLimits l = settings.security().rateLimits();
        return "APP_ENV is not set: " + settings.app().environment() + (evidence != null ? " (in a container: " + evidence
                + "; set APP_ENV=development for local use)" : " (not in a container)") + ", rate limits "
                + l.publicPerMinute() + "/minute public, " + l.generationPerMinute() + "/minute generation";
    }

    private static String message(String name, String where, String near) {
        return "unknown setting " + name + " " + where + (near != null ? ": did you mean " + near + "?" : ".")
                + " It is ignored (the settings are listed in docs/configuration.md).";
    }

    /** The known name within the edit-distance bound, or {@code null}; ties go to the first in order. */
    static String nearest(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        int bound = upper.length() >= 8 ? 2 : upper.length() >= 4 ? 1 : 0;
        String best = null;
        int bestDistance = bound + 1;
        for (String k : known()) {
            int d = distance(upper, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance with adjacent transpositions (a swapped pair of letters is one typo). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
