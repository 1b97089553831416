package dev.backbone.agents.testsupport;

import dev.backbone.agents.designer.SchemaCheck;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;

/** The real {@code Workflow.validate}, as the agents' schema check in tests. */
public final class Validation {

    private static final Workflow WORKFLOW = new Workflow();

    private Validation() {}

    public static SchemaCheck check() {
        return Validation::validate;
    }

    public static ValidationOutcome validate(String text, WorkflowListener listener) {
        return WORKFLOW.validate(text, Limits.DEFAULTS, listener);
    }
}
