package dev.backbone.core.verify;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.Plan;
import java.util.List;

/** The code_validator agent: proves generated files work. */
public final class CodeValidator {

    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode) {
        return new VerifyReport(mode, List.of());
    }
}
