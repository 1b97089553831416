package dev.backbone.deploy.live;

import dev.backbone.deploy.support.ProjectFiles;
import dev.backbone.server.support.OpenAiStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real traffic for the live test: what users send (validate, generate, with good and bad
 * schemas), a malformed body, an unknown path, a burst that meets the rate limiter, and a
 * readiness failure ({@code OUTPUT_DIR} replaced by a file). Returns what each step answered.
 */
final class Traffic {
    private Traffic() {}

    record Step(String what, int status) {}

    static List<Step> send(LiveService service) {
        String blog = example("blog_schema.json");
        String simple = example("simple_schema.json");
        String invalid = "{\"project_name\": \"Broken\", \"db_type\": \"postgresql\", \"schema\": "
                + "[{\"table_name\": \"users\", \"class_name\": \"User\", \"columns\": []}]}";
        List<Step> steps = new ArrayList<>();
        steps.add(get(service, "GET /", "/"));
        steps.add(get(service, "GET /health", "/health"));
        steps.add(get(service, "GET /api/v1/status", "/api/v1/status"));
        steps.add(post(service, "validate the blog schema", "/api/v1/validate", "{\"schema\": " + blog + "}"));
        steps.add(post(service, "validate an invalid schema", "/api/v1/validate", "{\"schema\": " + invalid + "}"));
        steps.add(post(service, "generate the simple schema", "/api/v1/generate", "{\"schema\": " + simple + "}"));
        steps.add(post(service, "generate the blog schema", "/api/v1/generate", "{\"schema\": " + blog + "}"));
        steps.add(post(service, "generate an invalid schema", "/api/v1/generate", "{\"schema\": " + invalid + "}"));
        steps.add(post(service, "malformed JSON", "/api/v1/validate", "{\"schema\": "));
        steps.add(get(service, "an unknown path", "/no/such/path"));
        steps.add(get(service, "another unknown path", "/wp-admin/setup.php"));
        return steps;
    }

    /**
     * LLM work through the service against the stub: a design (the stub answers with the simple
     * example, a valid document), a review of the blog example, a generation with its review, and
     * one design whose provider call fails with a 500.
     */
    static List<Step> sendLlm(LiveService service, OpenAiStub stub) {
        String blog = example("blog_schema.json");
        String suggestions = "{\"suggestions\": [{\"path\": \"/schema/1\", \"severity\": \"suggestion\", "
                + "\"message\": \"Index posts.title: posts are listed by title.\"}]}";
        List<Step> steps = new ArrayList<>();
        stub.reply(example("simple_schema.json"), 1200, 300);
        steps.add(post(service, "design a schema", "/api/v1/design", "{\"description\": \"A blog: users write posts.\"}"));
        stub.reply(suggestions, 900, 60);
        steps.add(post(service, "review the blog schema", "/api/v1/review", "{\"schema\": " + blog + "}"));
        stub.reply(suggestions, 800, 50);
        steps.add(post(service, "generate with an LLM review", "/api/v1/generate",
                "{\"schema\": " + blog + ", \"enable_llm_review\": true}"));
        stub.fail(500, "The server had an error while processing your request");
        steps.add(post(service, "design while the provider fails", "/api/v1/design", "{\"description\": \"A library.\"}"));
        return steps;
    }

    /** Validates until the rate limiter answers 429 (at most {@code max} requests). */
    static Step burstUntilRateLimited(LiveService service, int max) {
        String body = "{\"schema\": " + example("simple_schema.json") + "}";
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < max; i++) {
            int status = Http.post(service.url("/api/v1/validate"), "application/json", body).status();
            seen.merge(status, 1, Integer::sum);
            if (status == 429) {
                return new Step("burst of validations " + seen, 429);
            }
        }
        return new Step("burst of validations " + seen + " (never rate limited)", 200);
    }

    /** Puts a file where OUTPUT_DIR is, so that the filesystem component turns unhealthy. */
    static void breakOutputDir(LiveService service) {
        try {
            Path dir = service.outputDir;
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.writeString(dir, "a file in the way of OUTPUT_DIR\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Step get(LiveService service, String what, String path) {
        return new Step(what, Http.get(service.url(path)).status());
    }

    private static Step post(LiveService service, String what, String path, String body) {
        return new Step(what, Http.post(service.url(path), "application/json", body).status());
    }

    private static String example(String name) {
        return ProjectFiles.read(ProjectFiles.root().resolve("examples").resolve(name));
    }
}
