package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SQLAlchemy 2.0 models for FastAPI backends: a typed declarative model per table
 * ({@code Mapped[...]}, {@code mapped_column}), enum classes, mixins, association tables,
 * engines and sessions. The Java side decides every statement and its line breaks (the output
 * is already black-formatted, pyflakes-clean and passes {@code mypy --strict}); the templates in
 * {@code templates/sqlalchemy/} only lay the pieces out, and user text reaches them raw only
 * where a {@link PythonEscapes} filter escapes it.
 */
public final class SqlAlchemyTarget implements Target {

    public static final String NAME = "sqlalchemy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SQLAlchemy 2.0 typed models (app/models), engines and sessions (app/database.py), requirements.txt";
    }

    @Override
    public List<GeneratedFile> render(Plan plan, TemplateRenderer templates) {
        return pieces(plan, templates).stream().flatMap(p -> p.get().stream()).toList();
    }

    /** The support files, then the models in chunks of tables, then requirements.txt. */
    @Override
    public List<Supplier<List<GeneratedFile>>> pieces(Plan plan, TemplateRenderer templates) {
        PlanIndex index = PlanIndex.of(plan);
        List<Supplier<List<GeneratedFile>>> pieces = new ArrayList<>();
        pieces.add(() -> {
            List<GeneratedFile> files = new ArrayList<>();
            files.add(file(templates, "app/__init__.py", "app_init.py.peb", SupportFiles.appInit(plan)));
            files.add(file(templates, "app/database.py", "database.py.peb", SupportFiles.database(plan)));
            files.add(file(templates, "app/models/__init__.py", "models_init.py.peb", SupportFiles.modelsInit(index)));
            files.add(file(templates, "app/models/base.py", "base.py.peb", SupportFiles.base(plan)));
            if (plan.usesTimestamps() || plan.usesSoftDelete()) {
                files.add(file(templates, "app/models/mixins.py", "mixins.py.peb", SupportFiles.mixins(plan)));
            }
            if (!plan.associations().isEmpty()) {
                files.add(file(templates, "app/models/associations.py", "associations.py.peb", AssociationsContext.of(index)));
            }
            return files;
        });
        List<PlannedTable> tables = plan.tables();
        for (int from = 0; from < tables.size(); from += CHUNK) {
            List<PlannedTable> chunk = tables.subList(from, Math.min(tables.size(), from + CHUNK));
            pieces.add(() -> chunk.stream()
                    .map(t -> file(templates, "app/models/" + t.moduleName() + ".py", "model.py.peb", ModelContext.of(index, t)))
                    .toList());
        }
        pieces.add(() -> List.of(file(templates, "requirements.txt", "requirements.txt.peb", SupportFiles.requirements(plan))));
        return pieces;
    }

    /** One model class per table. */
    @Override
    public int modelCount(Plan plan) {
        return plan.tables().size();
    }

    private static GeneratedFile file(TemplateRenderer templates, String path, String template, Map<String, Object> ctx) {
        return new GeneratedFile(path, templates.render(NAME, template, ctx, PythonEscapes.INSTANCE));
    }
}
