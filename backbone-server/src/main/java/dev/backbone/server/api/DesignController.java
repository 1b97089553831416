package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.agents.Agents;
import dev.backbone.agents.designer.Design;
import dev.backbone.agents.llm.AgentRun;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import dev.backbone.server.config.Settings;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/design}: the schema_designer turns a description in words into a schema
 * document, repairing its drafts against the service's own validation. Runs with the service's
 * workflow listener, so every LLM request and the agent run are in the metrics, and on the
 * request's thread, so the log lines carry the request id.
 */
@RestController
@Tag(name = "LLM agents")
class DesignController {

    private static final Logger log = LoggerFactory.getLogger(DesignController.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final String VALID = "valid";
    static final String INVALID = "invalid";
    static final String FAILED = "failed";

    private final Agents agents;
    private final WorkflowService workflows;
    private final Settings settings;

    DesignController(Agents agents, WorkflowService workflows, Settings settings) {
        this.agents = agents;
        this.workflows = workflows;
        this.settings = settings;
    }

    /** The design, the route's shape. */
    record DesignResponse(
            @JsonProperty("status") String status,
            @JsonProperty("schema") @Schema(description = "the designed document (a JSON object); null when the model gave none",
                    implementation = Object.class) JsonNode schema,
            @JsonProperty("valid") boolean valid,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("errors") List<FindingView> errors,
            @JsonProperty("warnings") List<FindingView> warnings,
            @JsonProperty("error_type") String errorType,
            @JsonProperty("message") String message) {}

    /** The request. */
    record DesignRequest(@JsonProperty(value = "description", required = true) String description) {}

    /** How a refused request is laid out: the design shape with no document. */
    static final Shape SHAPE = (errors, warnings, info) -> fields(FAILED, null, 0, errors, warnings);

    @PostMapping("/api/v1/design")
    @Guard(scope = "generate", limit = RouteLimit.GENERATION)
    @Operation(summary = "Design a schema from a description (LLM)",
            description = "The schema_designer asks the configured LLM (SCHEMA_DESIGNER_LLM_PROVIDER, else DEFAULT_LLM_PROVIDER) "
                    + "for a schema document, validates each draft like POST /api/v1/validate and sends the findings back for a "
                    + "corrected draft, up to AGENT_MAX_RETRIES repair rounds. status is valid (the document passes validation), "
                    + "invalid (repair rounds ran out; the last draft and its findings are returned) or failed (the provider "
                    + "failed: 502 with error_type). Findings' line/column refer to the returned document.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = DesignRequest.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "status valid or invalid",
                        content = @Content(schema = @Schema(implementation = DesignResponse.class))),
                @ApiResponse(responseCode = "400", description = "the body is not JSON (JSON_SYNTAX_ERROR with line/column)"),
                @ApiResponse(responseCode = "413", description = "the body exceeds MAX_JSON_SIZE"),
                @ApiResponse(responseCode = "415", description = "Content-Type is not JSON"),
                @ApiResponse(responseCode = "422", description = "no description, not a string, empty, or longer than 10000 characters"),
                @ApiResponse(responseCode = "502", description = "the LLM provider failed; error_type is timeout, rate_limited, "
                        + "authentication, server_error, invalid_response, network or other"),
                @ApiResponse(responseCode = "503", description = "no LLM provider configured; the message names the variable to set")
            })
    DesignResponse design(HttpServletRequest request) {
        return design(RequestBody.readJson(request, settings.input().maxJsonSize(), SHAPE));
    }

    /** The route's work on a body read already (a job's). */
    DesignResponse design(String body) {
        String description = DescriptionBody.read(body, SHAPE);
        ProviderConfig c = agents.designer().config();
        Design d = agents.designer().design(description, workflows.listener());
        List<Finding> findings = d.outcome() == null ? List.of() : d.outcome().findings();
        List<FindingView> errors = SchemaIntake.views(findings, Severity.ERROR);
        List<FindingView> warnings = SchemaIntake.views(findings, Severity.WARNING);
        JsonNode schema = tree(d.schemaText());
        if (d.valid()) {
            log.info("Schema design valid after {} attempt(s) with {} ({})", d.attempts(), c.provider().wire(), c.model());
            return new DesignResponse(VALID, schema, true, d.attempts(), errors, warnings, null, null);
        }
        if (AgentRun.INVALID_SCHEMA.equals(d.errorType())) {
            log.warn("Schema design invalid after {} attempt(s) with {} ({}): {}", d.attempts(), c.provider().wire(),
                    c.model(), d.message());
            return new DesignResponse(INVALID, schema, false, d.attempts(), errors, warnings, d.errorType(), d.message());
        }
        if (!AgentRun.NOT_CONFIGURED.equals(d.errorType())) {
            log.warn("Schema design failed after {} attempt(s): error_type={}", d.attempts(), d.errorType());
        }
        throw AgentFailures.of(d.errorType(), d.message(), fields(FAILED, schema, d.attempts(), errors, warnings));
    }

    private static Map<String, Object> fields(String status, JsonNode schema, int attempts, List<FindingView> errors,
            List<FindingView> warnings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("schema", schema);
        m.put("valid", false);
        m.put("attempts", attempts);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("error_type", null);
        return m;
    }

    /** The draft as a JSON tree (the designer only keeps drafts that parsed as a JSON object). */
    private static JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
