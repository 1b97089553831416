package dev.backbone.server.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.util.unit.DataSize;

/**
 * Typed reads of variables, each recording a problem (naming the variable and what it
 * expects) instead of throwing, so {@link SettingsLoader} can report all of them in one line.
 */
final class Values {

    private final Function<String, String> raw;
    private final List<String> problems = new ArrayList<>();

    Values(Function<String, String> raw) {
        this.raw = raw;
    }

    void problem(String message) {
        problems.add(message);
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("invalid configuration: " + String.join("; ", problems));
        }
    }

    String string(String name, String def) {
        String s = raw.apply(name);
        return s == null ? def : s;
    }

    Secret secret(String name) {
        return new Secret(raw.apply(name));
    }

    boolean bool(String name, boolean def) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "y", "t":
                return true;
            case "false", "0", "no", "off", "n", "f":
                return false;
            default:
                problem(name + "='" + s + "' is not a boolean (use true or false)");
                return def;
        }
    }

    int integer(String name, int def, int min, int max) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                problem(name + "=" + n + " is out of range (" + min + ".." + max + ")");
                return def;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(name + "='" + s + "' is not a whole number");
            return def;
        }
    }

    double decimal(String name, double def, double min, double max) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(s);
            if (!(d >= min && d <= max)) {
                problem(name + "=" + s + " is out of range (" + min + ".." + max + ")");
                return def;
            }
            return d;
        } catch (NumberFormatException e) {
            problem(name + "='" + s + "' is not a number");
            return def;
        }
    }

    /** A TCP port; {@code 0} only where {@code allowUnset} (then 0 means "none"). */
    int port(String name, int def, boolean allowUnset) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 65535 || allowUnset && n == 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name + "='" + s + "' is not a port number (1-65535)");
        return def;
    }

    /**
     * A duration as Spring Boot reads one ({@code 500ms}, {@code 30s}, {@code 2m}, ISO-8601 {@code PT1M}),
     * a bare number being seconds ({@code 90}, {@code 2.5}).
     */
    java.time.Duration duration(String name, java.time.Duration def) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        String t = s.strip();
        java.time.Duration d = null;
        try {
            d = t.matches("\\d+(\\.\\d+)?")
                    ? java.time.Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000))
                    : org.springframework.boot.convert.DurationStyle.detectAndParse(t, java.time.temporal.ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (d != null && !d.isNegative() && !d.isZero()) {
            return d;
        }
        problem(name + "='" + s + "' is not a positive duration (seconds, or with ms, s, m, h)");
        return def;
    }

    /** A byte size as Spring reads one: {@code 10485760}, {@code 512KB}, {@code 10MB}, {@code 1GB} (units of 1024). */
    long size(String name, long def) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        long bytes;
        try {
            bytes = DataSize.parse(s.strip()).toBytes();
        } catch (IllegalArgumentException e) {
            problem(name + "='" + s + "' is not a size (bytes, or a number with KB, MB or GB)");
            return def;
        }
        if (bytes <= 0) {
            problem(name + "='" + s + "' must be positive");
            return def;
        }
        return bytes;
    }

    String oneOf(String name, String def, List<String> allowed) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s)) {
                return a;
            }
        }
        problem(name + "='" + s + "' is not one of " + String.join(", ", allowed));
        return def;
    }

    String url(String name, String def) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        try {
            URI u = URI.create(s);
            if (u.getScheme() != null && u.getScheme().matches("https?") && u.getHost() != null) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(name + "='" + s + "' is not an http(s) URL");
        return def;
    }

    /** A list as the earlier BackBone wrote it ({@code ["a", "b"]}) or comma-separated. */
    List<String> list(String name, List<String> def) {
        String s = raw.apply(name);
        if (s == null) {
            return def;
        }
        String body = s.strip();
        if (body.startsWith("[")) {
            if (!body.endsWith("]")) {
                problem(name + "='" + s + "' is not a list (use [\"a\", \"b\"] or a,b)");
                return def;
            }
            body = body.substring(1, body.length() - 1);
        }
        return Arrays.stream(body.split(","))
                .map(String::strip)
                .map(x -> x.length() >= 2 && (x.startsWith("\"") && x.endsWith("\"") || x.startsWith("'") && x.endsWith("'"))
                        ? x.substring(1, x.length() - 1) : x)
                .filter(x -> !x.isEmpty())
                .toList();
    }
}
