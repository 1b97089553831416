package dev.backbone.server.api;

import dev.backbone.agents.llm.AgentRun;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The refusals of the LLM routes. No provider configured is {@code 503} (the service works, this
 * route cannot until the operator sets the variable the message names); a provider that failed
 * (timeout, 429, 5xx, authentication, a reply with no usable JSON, ...) is {@code 502} with the
 * bounded {@code error_type} of {@code backbone_llm_errors_total}. Messages come from the agents,
 * which redact keys; the key itself is never in a response.
 */
final class AgentFailures {

    static final String NOT_CONFIGURED_TITLE = "LLM not configured";
    static final String PROVIDER_ERROR_TITLE = "LLM provider error";

    private AgentFailures() {}

    /**
     * @param errorType {@code not_configured} or an LLM error type
     * @param fields the route's own fields ({@code status: "failed"}, ...), kept next to error and message
     */
    static ApiException of(String errorType, String message, Map<String, Object> fields) {
        Map<String, Object> extra = new LinkedHashMap<>(fields);
        extra.put("error_type", errorType);
        if (AgentRun.NOT_CONFIGURED.equals(errorType)) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED_TITLE,
                    message + "; validate and generate work without an LLM", extra);
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, PROVIDER_ERROR_TITLE,
                "the LLM provider failed: " + message, extra);
    }
}
