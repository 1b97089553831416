package dev.backbone.agents.testsupport;

import dev.backbone.agents.designer.SchemaCheck;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.SchemaValidator;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.util.List;

/**
 * The real {@code Workflow.validate}. Bridge while this branch predates the architect: when
 * {@code Architect.plan} still throws {@link UnsupportedOperationException}, a document the
 * reader and validator accept gets an empty plan, so it counts as valid. Once the architect is
 * merged the fallback never runs (delete it then).
 */
public final class Validation {

    private static final Workflow WORKFLOW = new Workflow();

    private Validation() {}

    public static SchemaCheck check() {
        return Validation::validate;
    }

    public static ValidationOutcome validate(String text, WorkflowListener listener) {
        try {
            return WORKFLOW.validate(text, Limits.DEFAULTS, listener);
        } catch (UnsupportedOperationException architectNotYetMerged) {
            SchemaReader.Result r = SchemaReader.read(text);
            List<Finding> findings = new SchemaValidator(Limits.DEFAULTS).validate(r.schema(), r.findings());
            Plan plan = r.schema() == null || findings.stream().anyMatch(Finding::isError) ? null
                    : new Plan(r.schema().projectName(), r.schema().dbType(), r.schema().description(),
                            List.of(), List.of(), List.of(), List.of());
            return new ValidationOutcome(r.schema(), findings, plan);
        }
    }
}
