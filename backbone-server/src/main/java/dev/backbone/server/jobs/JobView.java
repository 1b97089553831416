package dev.backbone.server.jobs;

import dev.backbone.server.api.JobRoutes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A job as {@code GET /api/v1/jobs/{id}} answers it, and a succeeded generate job's files as a zip. */
final class JobView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobView() {}

    static Map<String, Object> of(Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("kind", job.kind());
        m.put("state", job.state().wire());
        m.put("owner", job.owner());
        m.put("attempts", job.attempts());
        m.put("replica", job.get("replica"));
        m.put("created_at", time(job.millis("created_at")));
        m.put("started_at", time(job.millis("started_at")));
        m.put("finished_at", time(job.millis("finished_at")));
        m.put("progress", tree(job.get("progress")));
        String status = job.get("result_status");
        m.put("result_status", status == null || status.isEmpty() ? null : Integer.parseInt(status));
        m.put("result", tree(job.get("result")));
        String error = job.get("error");
        m.put("error", error == null || error.isEmpty() ? null : error);
        m.put("links", Map.of("self", JobsController.PATH + "/" + job.id()));
        return m;
    }

    /** The zip of a generate job that succeeded; empty for any other job. */
    static Optional<ResponseEntity<?>> zip(Job job) {
        if (!"generate".equals(job.kind()) || job.state() != JobState.SUCCEEDED) {
            return Optional.empty();
        }
        JsonNode result = tree(job.get("result"));
        if (result == null || !JobRoutes.GENERATE_SUCCESS.equals(result.path("status").asString(""))) {
            return Optional.empty();
        }
        Map<String, String> files = new LinkedHashMap<>();
        result.path("generated_files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asString()));
        String project = result.path("project_name").asString("project");
        String name = project.isBlank() ? "project" : project;
        return Optional.of(ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".zip").build().toString())
                .body(JobRoutes.zip(name, files)));
    }

    private static String time(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static JsonNode tree(String json) {
        return json == null || json.isEmpty() ? null : JSON.readTree(json);
    }
}
