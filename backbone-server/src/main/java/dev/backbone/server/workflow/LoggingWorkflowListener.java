package dev.backbone.server.workflow;

import dev.backbone.core.workflow.WorkflowListener;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the workflow's progress to the log. Runs on the request's thread, so each line
 * carries the request id. Generation runs are logged at INFO (the guide's
 * {@code Starting workflow}); validation runs, which a busy service serves thousands of times
 * a second, at DEBUG.
 */
final class LoggingWorkflowListener implements WorkflowListener {

    private static final Logger log = LoggerFactory.getLogger("dev.backbone.workflow");

    @Override
    public void workflowStarted(String kind) {
        if ("generation".equals(kind)) {
            log.info("Starting workflow {}", kind);
        } else {
            log.debug("Starting workflow {}", kind);
        }
    }

    @Override
    public void workflowFinished(String kind, String status, long nanos) {
        if ("error".equals(status)) {
            log.error("Workflow {} ended with an internal error after {} ms", kind, millis(nanos));
        } else if ("generation".equals(kind)) {
            log.info("Workflow {} {} in {} ms", kind, status, millis(nanos));
        } else if (log.isDebugEnabled()) {
            log.debug("Workflow {} {} in {} ms", kind, status, millis(nanos));
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        if (!log.isDebugEnabled()) {
            return;
        }
        log.debug("Stage {} {} in {} ms", stage, success ? "succeeded" : "failed",
                String.format(Locale.ROOT, "%.2f", nanos / 1e6));
    }

    @Override
    public void agentError(String agent, String errorType) {
        log.debug("Agent {} reported {}", agent, errorType);
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        log.info("Generated {} files ({} lines, {} models) for project {}", files, lines, models, projectName);
    }

    @Override
    public void llmCall(String provider, String model, long nanos, long promptTokens, long completionTokens, String errorType) {
        if (errorType != null) {
            log.warn("LLM call to {} ({}) failed: {}", provider, model, errorType);
        } else {
            log.debug("LLM call to {} ({}) took {} ms, {} prompt + {} completion tokens", provider, model,
                    nanos / 1_000_000, promptTokens, completionTokens);
        }
    }

    @Override
    public void message(String level, String text) {
        switch (level == null ? "info" : level.toLowerCase(Locale.ROOT)) {
            case "debug", "trace" -> log.debug("{}", text);
            case "warning", "warn" -> log.warn("{}", text);
            case "error", "critical" -> log.error("{}", text);
            default -> log.info("{}", text);
        }
    }
}
