package dev.backbone.core.generate;

import dev.backbone.core.plan.Plan;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * The same render split into pieces that do not depend on each other, whose files,
     * concatenated in order, are {@link #render}'s: the workflow runs them on the machine's cores.
     * A target with a file per table splits its tables into chunks; by default one piece.
     */
    default List<Supplier<List<GeneratedFile>>> pieces(Plan plan, TemplateRenderer templates) {
        return List.of(() -> render(plan, templates));
    }

    /** Tables per piece of a target that renders files per table: a few pieces per core for 200 tables, one for a small schema. */
    int CHUNK = 25;

    /** How many model classes the output holds (for the {@code backbone_code_models_generated_total} metric). */
    default int modelCount(Plan plan) {
        return 0;
    }
}
