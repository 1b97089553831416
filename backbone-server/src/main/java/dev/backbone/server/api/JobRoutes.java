package dev.backbone.server.api;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.server.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What the jobs API needs of the synchronous routes: a job runs exactly the route's code on the
 * body it was submitted with, so its result is the body the route would have answered (and a
 * refusal the same status and findings). The body is checked at submission the way the route
 * checks it before any work (size, media type, JSON, the {@code schema} or {@code description}
 * field), so a malformed request is refused at once instead of becoming a failed job.
 */
@Component
public class JobRoutes {

    /** The kinds of job, each the route of the same name. */
    public static final List<String> KINDS = List.of("generate", "design", "review");

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final Shape SHAPE = (errors, warnings, info) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "failed");
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("info", info);
        return m;
    };

    private final GenerateController generate;
    private final DesignController design;
    private final ReviewController review;
    private final SchemaIntake intake;
    private final Settings settings;

    JobRoutes(GenerateController generate, DesignController design, ReviewController review, SchemaIntake intake,
            Settings settings) {
        this.generate = generate;
        this.design = design;
        this.review = review;
        this.intake = intake;
        this.settings = settings;
    }

    /** A submission read and checked: its kind and the route's body (the whole submitted body; {@code kind} is ignored by the route). */
    public record Submission(String kind, String body) {}

    /** The route's answer: its HTTP status and body. */
    public record Outcome(int status, Object body) {}

    /** The {@code status} of a generate body whose files were made (and so can be zipped). */
    public static final String GENERATE_SUCCESS = GenerateController.SUCCESS;

    /** The scope a JWT needs to submit a job of {@code kind}: the route's own. */
    public static String scope(String kind) {
        return "review".equals(kind) ? "validate" : "generate";
    }

    /** Reads {@code POST /api/v1/jobs}; refuses with the route's 400/413/415/422 when the body itself is wrong. */
    public Submission read(HttpServletRequest request) {
        String body = RequestBody.readJson(request, settings.input().maxJsonSize(), SHAPE);
        String kind = kind(body);
        switch (kind) {
            case "generate" -> intake.parse(body, GenerateController.FLAGS, SHAPE);
            case "review" -> intake.parse(body, Map.of(), SHAPE);
            default -> DescriptionBody.read(body, DesignController.SHAPE);
        }
        return new Submission(kind, body);
    }

    /** Runs the route's work on the submitted body (on the caller's thread, with its MDC). */
    public Outcome run(String kind, String body) {
        try {
            Object answer = switch (kind) {
                case "generate" -> generate.generate(body, false).getBody();
                case "design" -> design.design(body);
                case "review" -> review.review(body);
                default -> throw new IllegalArgumentException("unknown job kind " + kind);
            };
            return new Outcome(200, answer);
        } catch (ApiException e) {
            return new Outcome(e.status().value(), e.body());
        }
    }

    /** The body of an unexpected failure: nothing of the internals, as the routes' 500. */
    public static Map<String, Object> internalError(String jobId) {
        return ApiExceptionHandler.error("Internal server error",
                "an unexpected error occurred; the job id " + jobId + " finds it in the service's log");
    }

    /** True when {@code accept} asks for a zip over JSON, as {@code POST /api/v1/generate} reads it. */
    public static boolean wantsZip(String accept) {
        return ZipResponses.accepts(accept);
    }

    /** A generate result's files as the route's zip ({@code <project>/<path>}, fixed entry times). */
    public static byte[] zip(String project, Map<String, String> files) {
        List<GeneratedFile> list = new ArrayList<>(files.size());
        files.forEach((path, content) -> list.add(new GeneratedFile(path, content)));
        return ZipResponses.zip(project == null || project.isBlank() ? "project" : project, list);
    }

    /** The top-level {@code kind}, or a 422 naming the kinds. */
    private static String kind(String body) {
        String kind = null;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("kind".equals(name) && v == JsonToken.VALUE_STRING) {
                        kind = p.getString();
                    }
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            // The route's own check below reports the syntax error with its position.
            kind = kind == null ? "generate" : kind;
            return kind;
        }
        if (kind == null || !KINDS.contains(kind)) {
            String message = (kind == null ? "the job has no `kind`" : "`kind` '" + ApiExceptionHandler.printable(kind)
                    + "' is not a kind of job") + "; use one of " + String.join(", ", KINDS)
                    + ", with the route's body: {\"kind\": \"generate\", \"schema\": {...}}";
            throw ApiErrors.withFindings(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", message,
                    FindingView.error("SCHEMA_VALIDATION_ERROR", message), null, SHAPE);
        }
        return kind;
    }
}
