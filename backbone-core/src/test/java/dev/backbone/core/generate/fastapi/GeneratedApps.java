package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole generated projects (every default target) the FastAPI tests check: each example on
 * its own database type, and the sqlalchemy corpus (composite keys, self references,
 * one_to_one, many_to_many, soft delete, cycles, reserved and long names, adversarial text)
 * on every database type. Generated once per test class, each in {@code <root>/<id>/}.
 */
final class GeneratedApps {

    /** One generated project. */
    record App(String id, DbType db, Path dir, List<GeneratedFile> files) {}

    private GeneratedApps() {}

    static Path projectRoot() {
        String root = System.getenv("BACKBONE_PROJECT_ROOT");
        if (root != null && Files.isDirectory(Path.of(root, "examples"))) {
            return Path.of(root);
        }
        return Files.isDirectory(Path.of("examples")) ? Path.of(".") : Path.of("..");
    }

    static List<Path> examples() {
        return list(projectRoot().resolve("examples"));
    }

    static List<Path> corpus() {
        return list(projectRoot().resolve("backbone-core/src/test/resources/sqlalchemy-corpus"));
    }

    private static List<Path> list(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
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

    /** Every example and every corpus document on every database type, written under {@code root}. */
    static List<App> generate(Path root) {
        List<App> apps = new ArrayList<>();
        for (Path ex : examples()) {
            apps.add(make(root, "ex_" + base(ex), read(ex)));
        }
        for (Path doc : corpus()) {
            String json = read(doc);
            for (DbType db : DbType.values()) {
                apps.add(make(root, base(doc) + "_" + db.wire(),
                        json.replaceFirst("\"db_type\": \"postgresql\"", "\"db_type\": \"" + db.wire() + "\"")));
            }
        }
        return apps;
    }

    static GenerationOutcome outcome(String json) {
        GenerationOutcome out = new Workflow().generate(new GenerateRequest("test", json, GenerateRequest.DEFAULT_TARGETS, null,
                VerifyMode.NONE, Limits.DEFAULTS, false), WorkflowListener.NONE);
        if (!out.validation().valid()) {
            throw new IllegalStateException("invalid document: " + out.validation().findings());
        }
        return out;
    }

    private static App make(Path root, String id, String json) {
        GenerationOutcome out = outcome(json);
        Path dir = root.resolve(id);
        try {
            ProjectWriter.write(dir, out.files(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new App(id, out.validation().plan().dbType(), dir, out.files());
    }

    private static String base(Path p) {
        return p.getFileName().toString().replace(".json", "").replace('-', '_');
    }
}
