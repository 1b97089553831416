package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
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
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/validate}: the schema_validator and the architect, no files. */
@RestController
@Tag(name = "Generation")
class ValidateController {

    private final WorkflowService workflows;
    private final SchemaIntake intake;

    ValidateController(WorkflowService workflows, SchemaIntake intake) {
        this.workflows = workflows;
        this.intake = intake;
    }

    /** The validation result, the contract's shape. */
    record ValidateResponse(
            @JsonProperty("status") String status,
            @JsonProperty("valid") boolean valid,
            @JsonProperty("errors") List<FindingView> errors,
            @JsonProperty("warnings") List<FindingView> warnings,
            @JsonProperty("info") List<FindingView> info,
            @JsonProperty("build_order") List<String> buildOrder) {}

    /** The request: the schema document, or a string holding it. */
    record ValidateRequest(@JsonProperty(value = "schema", required = true) Object schema) {}

    @PostMapping("/api/v1/validate")
    @Guard(scope = "validate", limit = RouteLimit.VALIDATION, speculative = true)
    @Operation(summary = "Validate a schema",
            description = "Checks every rule of the schema format and plans the build order, without generating files. "
                    + "Findings carry a JSON Pointer into the schema and the line/column in the request body.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ValidateRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "valid (status passed or passed_with_warnings)",
                        content = @Content(schema = @Schema(implementation = ValidateResponse.class))),
                @ApiResponse(responseCode = "400", description = "the body or the schema is not JSON (JSON_SYNTAX_ERROR with line/column)"),
                @ApiResponse(responseCode = "413", description = "the body exceeds MAX_JSON_SIZE"),
                @ApiResponse(responseCode = "415", description = "Content-Type is not JSON"),
                @ApiResponse(responseCode = "422", description = "invalid schema or an input limit exceeded; same shape, status failed")
            })
    ValidateResponse validate(HttpServletRequest request) {
        SchemaEnvelope.Parsed body = intake.read(request, Map.of(), Shape.VALIDATE);
        ValidationOutcome out = workflows.validate(body.schemaText());
        List<Finding> findings = out.findings().stream().map(body::toBody).toList();
        intake.refuseIfInvalid(findings, false, Shape.VALIDATE);
        intake.refuseIfUnplanned(out.valid(), findings, Shape.VALIDATE);
        return new ValidateResponse(out.status(), out.valid(),
                SchemaIntake.views(findings, Severity.ERROR), SchemaIntake.views(findings, Severity.WARNING),
                SchemaIntake.views(findings, Severity.INFO), out.buildOrder());
    }
}
