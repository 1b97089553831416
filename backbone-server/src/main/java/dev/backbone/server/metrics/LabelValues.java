package dev.backbone.server.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps label values bounded. A label fed from user input ({@code project_name}) or from
 * free-form error descriptions would otherwise let any client create series without limit
 * and take Prometheus down; values are cleaned and, past a cap, share {@code other}.
 */
final class LabelValues {

    static final String OTHER = "other";

    /** The LLM error vocabulary of the agents module (docs/agents.md); anything else is mapped into it. */
    static final Set<String> LLM_ERROR_TYPES = Set.of(
            "timeout", "rate_limited", "authentication", "server_error", "invalid_response", "network", "other");

    private final int cap;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    LabelValues(int cap) {
        this.cap = cap;
    }

    /** {@code value} cleaned to {@code [A-Za-z0-9_.-]}, at most 64 characters; {@code other} once the cap is reached. */
    String bounded(String value) {
        String v = clean(value);
        if (seen.contains(v)) {
            return v;
        }
        if (seen.size() >= cap) {
            return OTHER;
        }
        seen.add(v);
        return v;
    }

    /** Called for every label of every event: a scan without allocation when the value is already clean. */
    static String clean(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        int n = Math.min(value.length(), 64);
        boolean clean = value.length() <= 64;
        for (int i = 0; i < n && clean; i++) {
            clean = allowed(value.charAt(i));
        }
        if (clean) {
            return value;
        }
        String v = value.strip();
        StringBuilder sb = new StringBuilder(Math.min(v.length(), 64));
        for (int i = 0; i < v.length() && sb.length() < 64; i++) {
            char c = v.charAt(i);
            sb.append(allowed(c) ? c : '_');
        }
        return sb.toString();
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** Maps whatever an LLM client reported to the fixed vocabulary ({@link #LLM_ERROR_TYPES}). */
    static String llmErrorType(String reported) {
        String r = reported == null ? "" : reported.toLowerCase(Locale.ROOT);
        if (LLM_ERROR_TYPES.contains(r)) {
            return r;
        }
        if (r.contains("timeout") || r.contains("timed_out") || r.contains("timedout")) {
            return "timeout";
        }
        if (r.contains("rate") || r.contains("429") || r.contains("quota")) {
            return "rate_limited";
        }
        if (r.contains("auth") || r.contains("401") || r.contains("403") || r.contains("permission")) {
            return "authentication";
        }
        if (r.contains("5xx") || r.contains("server") || r.contains("500") || r.contains("502") || r.contains("503")) {
            return "server_error";
        }
        if (r.contains("connect") || r.contains("unknownhost") || r.contains("network") || r.contains("ioexception")
                || r.contains("socket")) {
            return "network";
        }
        if (r.contains("parse") || r.contains("json") || r.contains("invalid") || r.contains("format")) {
            return "invalid_response";
        }
        return "other";
    }
}
