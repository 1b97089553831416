package dev.backbone.server.jobs;

import java.util.HashMap;
import java.util.Map;

/**
 * A job as stored: flat string fields, so that Redis keeps it as one hash whose single fields
 * (the state above all) change atomically, and the in-memory store keeps the same map.
 *
 * @param fields {@code kind, owner, state, request_id, created_at, started_at, finished_at,
 *     attempts, replica, progress} (JSON), {@code result_status, result} (JSON), {@code error}
 */
public record Job(String id, Map<String, String> fields) {

    public Job {
        fields = Map.copyOf(fields);
    }

    /** A new job, queued. */
    static Map<String, String> queued(String kind, String owner, String requestId, String traceparent, long now) {
        Map<String, String> f = new HashMap<>();
        f.put("kind", kind);
        f.put("owner", owner);
        f.put("state", JobState.QUEUED.wire());
        f.put("request_id", requestId == null ? "" : requestId);
        f.put("traceparent", traceparent == null ? "" : traceparent);
        f.put("created_at", Long.toString(now));
        f.put("attempts", "0");
        f.put("progress", "[]");
        return f;
    }

    public String kind() {
        return fields.get("kind");
    }

    public String owner() {
        return fields.get("owner");
    }

    public JobState state() {
        return JobState.of(fields.get("state"));
    }

    public String requestId() {
        return fields.getOrDefault("request_id", "");
    }

    public long millis(String field) {
        String v = fields.get(field);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    public int attempts() {
        return (int) millis("attempts");
    }

    public String get(String field) {
        return fields.get(field);
    }
}
