package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.migrations.MigrationsTarget;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: a schema planned for a db_type, rendered by the default targets, written to a folder. */
final class MigrationProjects {

    static final List<String> TARGETS = List.of("sqlalchemy", "sql", "migrations");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MigrationProjects() {}

    static Path root() {
        String root = System.getenv("BACKBONE_PROJECT_ROOT");
        if (root != null && Files.isDirectory(Path.of(root, "examples"))) {
            return Path.of(root);
        }
        return Files.isDirectory(Path.of("examples")) ? Path.of(".") : Path.of("..");
    }

    /** The document with its db_type replaced. */
    static String withDb(String json, DbType db) {
        ObjectNode o = (ObjectNode) JSON.readTree(json);
        o.put("db_type", db.wire());
        return JSON.writeValueAsString(o);
    }

    static ValidationOutcome validate(String json) {
        return new Workflow().validate(json, Limits.DEFAULTS, WorkflowListener.NONE);
    }

    static Plan plan(String json) {
        ValidationOutcome v = validate(json);
        assertThat(v.findings().stream().filter(Finding::isError).toList()).as("errors").isEmpty();
        return v.plan();
    }

    static List<GeneratedFile> render(Plan plan) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Target t : Targets.byNames(TARGETS)) {
            files.addAll(t.render(plan, TemplateRenderer.packaged()));
        }
        return files;
    }

    /**
     * The project of {@code now} as regeneration leaves it after {@code old}: the new models and
     * the old project's initial revision followed by the diff's revision 0002.
     */
    static List<GeneratedFile> upgraded(Plan old, Plan now, Renames renames) {
        List<GeneratedFile> files = new ArrayList<>(render(now).stream()
                .filter(f -> !f.path().startsWith("migrations/versions/") && !f.path().startsWith("migrations/sql/")).toList());
        MigrationPlan initial = Migrations.initial(old);
        files.addAll(MigrationsTarget.revisionFiles(initial, TemplateRenderer.packaged()));
        MigrationPlan next = Migrations.between(old, now, renames, 2, List.of());
        files.addAll(MigrationsTarget.revisionFiles(next, TemplateRenderer.packaged()));
        return files;
    }

    static void write(Path dir, List<GeneratedFile> files) {
        try {
            for (GeneratedFile f : files) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent() == null ? dir : p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
