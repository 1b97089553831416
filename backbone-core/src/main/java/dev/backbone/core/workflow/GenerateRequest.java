package dev.backbone.core.workflow;

import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import java.nio.file.Path;
import java.util.List;

/**
 * Input of a generation run.
 *
 * @param source a name for the schema in messages (a file name, or {@code request})
 * @param text the schema document
 * @param targets target names in order ({@code sqlalchemy}, {@code sql})
 * @param templateDir folder of template overrides, or null
 * @param strict when true, warnings fail the run like errors
 */
public record GenerateRequest(
        String source, String text, List<String> targets, Path templateDir, VerifyMode verify, Limits limits, boolean strict) {

    public static final List<String> DEFAULT_TARGETS = List.of("sqlalchemy", "sql", "migrations", "fastapi");

    public GenerateRequest {
        targets = List.copyOf(targets);
    }
}
