package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.agents.reviewer.Review;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.server.ratelimit.RouteLimit;
import dev.backbone.server.security.Guard;
import dev.backbone.server.workflow.WorkflowService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/review}: the schema_reviewer's suggestions for a document that passes
 * validation (indexes, types and lengths, normalisation, naming: what a rule cannot judge). The
 * document is read and validated exactly as {@code POST /api/v1/validate} does, so an invalid one
 * is the same 422 with the same findings and costs no LLM call.
 */
@RestController
@Tag(name = "LLM agents")
class ReviewController {

    private final WorkflowService workflows;
    private final SchemaIntake intake;
    private final SchemaReviews reviews;

    ReviewController(WorkflowService workflows, SchemaIntake intake, SchemaReviews reviews) {
        this.workflows = workflows;
        this.intake = intake;
        this.reviews = reviews;
    }

    /** The request: the schema document, or a string holding it. */
    record ReviewRequest(@JsonProperty(value = "schema", required = true) Object schema) {}

    /** A refused request: the review shape, no suggestions, and the findings. */
    static final Shape SHAPE = (errors, warnings, info) -> {
        Map<String, Object> m = new LinkedHashMap<>(failed());
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("info", info);
        return m;
    };

    @PostMapping("/api/v1/review")
    @Guard(scope = "validate", limit = RouteLimit.GENERATION)
    @Operation(summary = "Review a schema (LLM)",
            description = "Validates the schema like POST /api/v1/validate, then asks the schema_reviewer "
                    + "(SCHEMA_REVIEWER_LLM_PROVIDER, else DEFAULT_LLM_PROVIDER) for suggestions {path, severity, message}: "
                    + "path is a JSON Pointer into the document, severity suggestion or warning.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "status completed",
                        content = @Content(schema = @Schema(implementation = SchemaReviews.ReviewView.class))),
                @ApiResponse(responseCode = "400", description = "the body or the schema is not JSON (JSON_SYNTAX_ERROR with line/column)"),
                @ApiResponse(responseCode = "413", description = "the body exceeds MAX_JSON_SIZE"),
                @ApiResponse(responseCode = "415", description = "Content-Type is not JSON"),
                @ApiResponse(responseCode = "422", description = "invalid schema or an input limit exceeded, with the findings"),
                @ApiResponse(responseCode = "502", description = "the LLM provider failed; error_type is timeout, rate_limited, "
                        + "authentication, server_error, invalid_response, network or other"),
                @ApiResponse(responseCode = "503", description = "no LLM provider configured; the message names the variable to set")
            })
    SchemaReviews.ReviewView review(HttpServletRequest request) {
        return review(intake.read(request, Map.of(), SHAPE));
    }

    /** The route's work on a body read already (a job's). */
    SchemaReviews.ReviewView review(String text) {
        return review(intake.parse(text, Map.of(), SHAPE));
    }

    private SchemaReviews.ReviewView review(SchemaEnvelope.Parsed body) {
        ValidationOutcome out = workflows.validate(body.schemaText());
        List<Finding> findings = out.findings().stream().map(body::toBody).toList();
        intake.refuseIfInvalid(findings, false, SHAPE);
        intake.refuseIfUnplanned(out.valid(), findings, SHAPE);
        Review r = reviews.review(body.schemaText(), out);
        if (!r.ok()) {
            throw AgentFailures.of(r.errorType(), r.message(), failed());
        }
        return SchemaReviews.ReviewView.of(r);
    }

    private static Map<String, Object> failed() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", SchemaReviews.FAILED);
        m.put("suggestions", List.of());
        m.put("error_type", null);
        return m;
    }
}
