package dev.backbone.core.generate.migrations;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.sql.SqlDialect;
import dev.backbone.core.generate.sqlalchemy.PythonEscapes;
import dev.backbone.core.migrate.AlembicRenderer;
import dev.backbone.core.migrate.MigrationPlan;
import dev.backbone.core.migrate.Migrations;
import dev.backbone.core.migrate.SqlRenderer;
import dev.backbone.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrations} target: Alembic's folder for the models ({@code alembic.ini},
 * {@code migrations/env.py}, {@code script.py.mako}) and the first revision, rendered from the
 * plan as the diff from an empty database ({@code 0001_initial.py}, and the same steps as SQL
 * for the db_type in {@code migrations/sql/0001_initial.sql}). Later revisions come from the
 * regeneration of an existing project ({@link #revisionFiles}).
 */
public final class MigrationsTarget implements Target {

    public static final String NAME = "migrations";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Alembic: alembic.ini, migrations/env.py, the initial revision and its SQL (later ones from schema diffs)";
    }

    @Override
    public List<GeneratedFile> render(Plan plan, TemplateRenderer templates) {
        Map<String, Object> ctx = Map.of("projectName", plan.projectName());
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile("alembic.ini", templates.render(NAME, "alembic.ini.peb", ctx, PythonEscapes.INSTANCE)));
        files.add(new GeneratedFile("migrations/env.py", templates.render(NAME, "env.py.peb", ctx, PythonEscapes.INSTANCE)));
        files.add(new GeneratedFile("migrations/script.py.mako",
                templates.render(NAME, "script.py.mako.peb", ctx, PythonEscapes.INSTANCE)));
        files.addAll(revisionFiles(Migrations.initial(plan), templates));
        return files;
    }

    /** The two files of a revision: the Alembic script and its SQL. */
    public static List<GeneratedFile> revisionFiles(MigrationPlan revision, TemplateRenderer templates) {
        return List.of(new GeneratedFile(revision.alembicPath(), new AlembicRenderer(revision.dbType()).render(revision)),
                new GeneratedFile(revision.sqlPath(), new SqlRenderer(SqlDialect.of(revision.dbType()), templates).render(revision)));
    }
}
