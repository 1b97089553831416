package dev.backbone.agents.llm;

import java.util.regex.Pattern;

/**
 * Makes provider error text safe to show: providers echo (parts of) keys in their error bodies
 * ("Incorrect API key provided: sk-..."), and an error message travels to logs, API responses
 * and terminals. Everything shown of a failed call goes through {@link #redact}.
 */
public final class Secrets {

    /** Shapes of common provider keys and bearer tokens, for keys other than the configured one. */
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(sk-[A-Za-z0-9_\\-*.]{6,}|AIza[0-9A-Za-z_\\-]{10,}|(?i:bearer)\\s+[A-Za-z0-9_\\-.=*]{6,})");

    /** Longest text kept: one readable line, not a whole HTML error page. */
    static final int MAX_LENGTH = 300;

    private Secrets() {}

    /** Removes the key (and anything shaped like a key), joins lines and shortens. */
    public static String redact(String text, String apiKey) {
        if (text == null) {
            return "";
        }
        String s = text;
        if (apiKey != null && !apiKey.isBlank()) {
            s = s.replace(apiKey, "***");
        }
        s = KEY_SHAPES.matcher(s).replaceAll("***");
        s = s.replaceAll("\\s+", " ").trim();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
