package dev.backbone.core.workflow;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import java.util.List;

/**
 * Result of validate + plan: every finding in document order, and the plan when the document
 * has no errors. {@link #status()} is the contract's word: {@code passed},
 * {@code passed_with_warnings} or {@code failed}.
 */
public record ValidationOutcome(Schema schema, List<Finding> findings, Plan plan) {

    public ValidationOutcome {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return plan != null && findings.stream().noneMatch(Finding::isError);
    }

    public String status() {
        if (!valid()) {
            return "failed";
        }
        return warnings().isEmpty() ? "passed" : "passed_with_warnings";
    }

    public List<Finding> errors() {
        return of(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return of(Severity.WARNING);
    }

    public List<Finding> info() {
        return of(Severity.INFO);
    }

    public List<String> buildOrder() {
        return plan == null ? List.of() : plan.buildOrder();
    }

    private List<Finding> of(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).toList();
    }
}
