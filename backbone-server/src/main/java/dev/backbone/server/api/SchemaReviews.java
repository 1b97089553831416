package dev.backbone.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.backbone.agents.Agents;
import dev.backbone.agents.llm.AgentRun;
import dev.backbone.agents.llm.LlmStatus;
import dev.backbone.agents.reviewer.Review;
import dev.backbone.agents.reviewer.Suggestion;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.server.workflow.WorkflowService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the schema_reviewer for the API, with the service's workflow listener (so the LLM calls
 * land in {@code backbone_llm_*} and the run in {@code backbone_agent_*{agent_name="schema_reviewer"}})
 * on the request's thread (so its log lines carry the request id). Shared by
 * {@code POST /api/v1/review} and {@code POST /api/v1/generate} with {@code enable_llm_review}.
 */
@Component
final class SchemaReviews {

    private static final Logger log = LoggerFactory.getLogger(SchemaReviews.class);

    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    /** Generation asked for a review but no provider is configured: nothing was sent anywhere. */
    static final String SKIPPED = "skipped";

    private final Agents agents;
    private final WorkflowService workflows;

    SchemaReviews(Agents agents, WorkflowService workflows) {
        this.agents = agents;
        this.workflows = workflows;
    }

    /** A review on the wire: {@code {status, suggestions[{path, severity, message}], error_type, message}}. */
    record ReviewView(
            @JsonProperty("status") String status,
            @JsonProperty("suggestions") List<Suggestion> suggestions,
            @JsonProperty("error_type") String errorType,
            @JsonProperty("message") String message) {

        static ReviewView of(Review r) {
            return r.ok()
                    ? new ReviewView(COMPLETED, r.suggestions(), null, null)
                    : new ReviewView(FAILED, List.of(), r.errorType(), r.message());
        }
    }

    /** Whether the reviewer's provider has what it needs (its key); no call is made. */
    boolean configured() {
        return agents.reviewer().config().configured();
    }

    /** The reviewer's provider status: names the missing variable when not configured, never the key. */
    LlmStatus status() {
        return LlmStatus.of(agents.reviewer().config());
    }

    /** Reviews {@code text}; never throws for an LLM problem (the review carries it). */
    Review review(String text, ValidationOutcome outcome) {
        Review r = agents.reviewer().review(text, outcome, workflows.listener());
        if (r.ok()) {
            log.info("Schema review: {} suggestion(s) from {} ({})", r.suggestions().size(),
                    agents.reviewer().config().provider().wire(), agents.reviewer().config().model());
        } else if (!AgentRun.NOT_CONFIGURED.equals(r.errorType())) {
            log.warn("Schema review failed: error_type={}", r.errorType());
        }
        return r;
    }

    /** The review attached to a generation: skipped (no call at all) when the provider is not configured. */
    ReviewView attached(String text, ValidationOutcome outcome) {
        if (!configured()) {
            return new ReviewView(SKIPPED, List.of(), AgentRun.NOT_CONFIGURED, status().message());
        }
        return ReviewView.of(review(text, outcome));
    }
}
