package dev.backbone.core.generate;

import dev.backbone.core.plan.Plan;
import java.util.List;

/**
 * A code generation target: a small plug-in found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.backbone.core.generate.Target}). A target only renders: every
 * decision is in the {@link Plan}. Its templates live in the jar under
 * {@code templates/<name>/} and any of them can be overridden by file name from a user folder.
 */
public interface Target {

    /** The name users select it by ({@code --target sqlalchemy,sql}). */
    String name();

    /** One line for {@code --help} and error messages. */
    String description();

    /** Renders the plan into files, in memory. */
    List<GeneratedFile> render(Plan plan, TemplateRenderer templates);

    /** How many model classes the output holds (for the {@code backbone_code_models_generated_total} metric). */
    default int modelCount(Plan plan) {
        return 0;
    }
}
