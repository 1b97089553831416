package dev.backbone.agents.designer;

import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;

/**
 * How the designer judges a draft. In production this is the pipeline's own validation
 * ({@link #workflow}), so a designed document passes exactly what {@code validate} would pass.
 */
@FunctionalInterface
public interface SchemaCheck {

    ValidationOutcome check(String schemaText, WorkflowListener listener);

    /** {@code Workflow.validate} with the given limits (the service's or the CLI's). */
    static SchemaCheck workflow(Workflow workflow, Limits limits) {
        return (text, listener) -> workflow.validate(text, limits, listener);
    }
}
