package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.server.ratelimit.RouteLimit;
import dev.backbone.server.security.Guard;
import dev.backbone.server.security.SpeculativeLimit;
import dev.backbone.server.workflow.WorkflowService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/generate}: the whole pipeline (validate, plan, generate, verify), the same
 * as the CLI's {@code generate}. Files come back in the JSON ({@code generated_files}), or as a
 * zip with {@code Accept: application/zip}. Nothing is written on the server.
 */
@RestController
@Tag(name = "Generation")
class GenerateController {

    private static final Logger log = LoggerFactory.getLogger(GenerateController.class);
    /** The answer's {@code status} when files were generated and passed verification (what clients test for). */
    static final String SUCCESS = "success";
    /** The answer's {@code status} when the input was refused or the generated code failed verification. */
    static final String FAILED = "failed";
    static final Map<String, Boolean> FLAGS =
            Map.of("enable_code_validation", true, "strict_validation", false, "enable_llm_review", false);

    private final WorkflowService workflows;
    private final SchemaIntake intake;
    private final SchemaReviews reviews;

    GenerateController(WorkflowService workflows, SchemaIntake intake, SchemaReviews reviews) {
        this.workflows = workflows;
        this.intake = intake;
        this.reviews = reviews;
    }

    /** The generation result, the contract's shape. */
    record GenerateResponse(
            @JsonProperty("status") String status,
            @JsonProperty("project_name") String projectName,
            @JsonProperty("files_generated") int filesGenerated,
            @JsonProperty("summary") Map<String, Object> summary,
            @JsonProperty("generated_files") Map<String, String> generatedFiles,
            @JsonProperty("errors") List<FindingView> errors,
            @JsonProperty("warnings") List<FindingView> warnings,
            @JsonProperty("info") List<FindingView> info,
            @JsonProperty("review") @JsonInclude(JsonInclude.Include.NON_NULL) SchemaReviews.ReviewView review) {}

    /** The request. */
    record GenerateRequestBody(
            @JsonProperty(value = "schema", required = true) Object schema,
            @JsonProperty("enable_code_validation") Boolean enableCodeValidation,
            @JsonProperty("strict_validation") Boolean strictValidation,
            @JsonProperty("enable_llm_review") Boolean enableLlmReview) {}

    @PostMapping("/api/v1/generate")
    @Guard(scope = "generate", limit = RouteLimit.GENERATION, speculative = true)
    @Operation(summary = "Generate code from a schema",
            description = "Runs validate, plan, generate (SQLAlchemy models and SQL DDL) and verify. "
                    + "enable_code_validation (default true) runs the in-JVM checks on the files; strict_validation "
                    + "(default false) refuses a schema with warnings. enable_llm_review (default false) adds the schema_reviewer's "
                    + "suggestions as review {status, suggestions, error_type, message} (skipped when no LLM provider is "
                    + "configured; a provider failure never fails the generation). Send Accept: application/zip for a zip.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = GenerateRequestBody.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "status success (or failed when verification failed)",
                        content = {@Content(mediaType = "application/json", schema = @Schema(implementation = GenerateResponse.class)),
                            @Content(mediaType = "application/zip")}),
                @ApiResponse(responseCode = "400", description = "not JSON (JSON_SYNTAX_ERROR with line/column)"),
                @ApiResponse(responseCode = "413", description = "the body exceeds MAX_JSON_SIZE"),
                @ApiResponse(responseCode = "415", description = "Content-Type is not JSON"),
                @ApiResponse(responseCode = "422", description = "invalid schema, an input limit, or warnings under strict_validation")
            })
    ResponseEntity<?> generate(HttpServletRequest request) {
        SchemaEnvelope.Parsed body = intake.read(request, FLAGS, shape(null, Map.of()));
        if (body.flags().get("enable_llm_review")) {
            // A review is a paid LLM call: it waits for the rate limit's verdict (a refusal stops here, answered 429).
            SpeculativeLimit.settle(request);
        }
        return generate(body, ZipResponses.accepts(request.getHeader(HttpHeaders.ACCEPT)));
    }

    /** The route's work on a body read already (a job's): JSON, or the zip when {@code zip} and the files passed. */
    ResponseEntity<?> generate(String text, boolean zip) {
        return generate(intake.parse(text, FLAGS, shape(null, Map.of())), zip);
    }

    private ResponseEntity<?> generate(SchemaEnvelope.Parsed body, boolean wantsZip) {
        boolean verify = body.flags().get("enable_code_validation");
        boolean strict = body.flags().get("strict_validation");
        long t0 = System.nanoTime();
        GenerationOutcome out = workflows.generate(body.schemaText(), verify, strict);
        ValidationOutcome v = out.validation();
        List<Finding> findings = v.findings().stream().map(body::toBody).toList();
        String project = v.schema() == null ? null : v.schema().projectName();
        Shape shape = shape(project, summary(out, v, verify, t0));
        intake.refuseIfInvalid(findings, strict, shape);
        intake.refuseIfUnplanned(v.valid(), findings, shape);
        List<FindingView> errors = new ArrayList<>(SchemaIntake.views(findings, Severity.ERROR));
        for (VerifyReport.Check c : out.verify().failures()) {
            errors.add(new FindingView("error", "CODE_VALIDATION_FAILED", c.check() + ": " + c.message(), c.path(), 0, 0));
        }
        String status = apiStatus(out);
        if (FAILED.equals(status)) {
            log.error("Generated code for {} failed verification: {}", project, errors);
        } else if (wantsZip) {
            return zip(project, out.files());
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (GeneratedFile f : out.files()) {
            files.put(f.path(), f.content());
        }
        SchemaReviews.ReviewView review = body.flags().get("enable_llm_review") ? reviews.attached(body.schemaText(), v) : null;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new GenerateResponse(status, project,
                out.files().size(), summary(out, v, verify, t0), files, errors,
                SchemaIntake.views(findings, Severity.WARNING), SchemaIntake.views(findings, Severity.INFO), review));
    }

    /**
     * The API's word for an outcome: {@code success} (the earlier BackBone's, which clients test
     * for) or {@code failed}. The workflow's own {@code completed} stays the metrics label value.
     */
    static String apiStatus(GenerationOutcome out) {
        return "failed".equals(out.status()) ? FAILED : SUCCESS;
    }

    private static ResponseEntity<byte[]> zip(String project, List<GeneratedFile> files) {
        String name = project == null || project.isBlank() ? "project" : project;
        return ResponseEntity.ok()
                .contentType(ZipResponses.ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".zip").build().toString())
                .body(ZipResponses.zip(name, files));
    }

    private static Map<String, Object> summary(GenerationOutcome out, ValidationOutcome v, boolean verify, long t0) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tables", v.schema() == null ? 0 : v.schema().tables().size());
        s.put("models", out.models());
        s.put("files", out.files().size());
        s.put("lines", out.lines());
        s.put("build_order", v.buildOrder());
        s.put("targets", dev.backbone.core.workflow.GenerateRequest.DEFAULT_TARGETS);
        VerifyReport r = out.verify();
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("enabled", verify);
        verification.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
        verification.put("passed", r.passed());
        verification.put("checks", r.checks().size());
        verification.put("failed", r.failures().size());
        verification.put("skipped", r.checks().stream().filter(c -> c.status() == VerifyReport.Status.SKIPPED).count());
        s.put("verification", verification);
        s.put("duration_ms", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
        return s;
    }

    /** The generate shape of a refusal: status failed, no files, the findings. */
    private static Shape shape(String project, Map<String, Object> summary) {
        return (errors, warnings, info) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", FAILED);
            m.put("project_name", project);
            m.put("files_generated", 0);
            m.put("summary", summary);
            m.put("generated_files", Map.of());
            m.put("errors", errors);
            m.put("warnings", warnings);
            m.put("info", info);
            return m;
        };
    }
}
