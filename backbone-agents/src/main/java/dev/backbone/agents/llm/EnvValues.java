package dev.backbone.agents.llm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from an environment map; a bad value is an {@link IllegalArgumentException}
 * naming the variable, so the server can stop start-up with one clear line.
 */
final class EnvValues {

    private final Map<String, String> env;

    EnvValues(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The trimmed value, or null when absent or blank (a blank variable counts as unset). */
    String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    int nonNegativeInt(String name, int fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "='" + v + "' is not a whole number >= 0");
    }

    /** Seconds ({@code 30}, {@code 2.5}) or with a unit ({@code 500ms}, {@code 30s}, {@code 2m}); must be > 0. */
    Duration duration(String name, Duration fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        String s = v.toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.endsWith("ms")) {
                d = Duration.ofMillis(new BigDecimal(s.substring(0, s.length() - 2).trim()).longValueExact());
            } else if (s.endsWith("m")) {
                d = millis(new BigDecimal(s.substring(0, s.length() - 1).trim()).multiply(BigDecimal.valueOf(60_000)));
            } else {
                String n = s.endsWith("s") ? s.substring(0, s.length() - 1).trim() : s;
                d = millis(new BigDecimal(n).multiply(BigDecimal.valueOf(1000)));
            }
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "='" + v + "' is not a duration > 0 (seconds, or with ms/s/m)");
    }

    /** An http(s) URL without a trailing slash. */
    String url(String name, String fallback) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            URI uri = URI.create(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "='" + v + "' is not an http(s) URL");
    }

    private static Duration millis(BigDecimal ms) {
        return Duration.ofMillis(ms.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }
}
