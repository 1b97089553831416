package dev.backbone.core.verify;

import dev.backbone.core.workflow.StageResult;
import java.util.List;

/** What the code_validator found, one entry per file and check. */
public record VerifyReport(VerifyMode mode, List<Check> checks) implements StageResult {

    public VerifyReport {
        checks = List.copyOf(checks);
    }

    public static VerifyReport none() {
        return new VerifyReport(VerifyMode.NONE, List.of());
    }

    /** Outcome of one check on one file ({@code path} may be {@code *} for project-wide checks). */
    public record Check(String path, String check, Status status, String message) {}

    /** A skipped check is not a pass: the report says why it was skipped. */
    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    /** A code_validator stage succeeded when every check passed. */
    @Override
    public boolean succeeded() {
        return passed();
    }

    public boolean passed() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.status() == Status.FAILED).toList();
    }
}
