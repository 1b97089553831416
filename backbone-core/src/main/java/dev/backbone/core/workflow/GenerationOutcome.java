package dev.backbone.core.workflow;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.verify.VerifyReport;
import java.util.List;

/**
 * Result of a generation run: the validation outcome, the files (in memory; the caller writes
 * them), and the code_validator's report. {@code files} is empty when validation failed.
 */
public record GenerationOutcome(ValidationOutcome validation, List<GeneratedFile> files, VerifyReport verify, int models) {

    public GenerationOutcome {
        files = List.copyOf(files);
    }

    /** {@code completed} when files were generated and verification found no failure, else {@code failed}. */
    public String status() {
        if (!validation.valid() || files.isEmpty()) {
            return "failed";
        }
        return verify.passed() ? "completed" : "failed";
    }

    public long lines() {
        return files.stream().mapToLong(GeneratedFile::lines).sum();
    }
}
