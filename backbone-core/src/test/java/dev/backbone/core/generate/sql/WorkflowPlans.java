package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Documents run through the real pipeline ({@link Workflow}): the examples of {@code examples/}
 * and the SQL corpus of {@code src/test/resources/sql-corpus/}, each for any db_type.
 */
public final class WorkflowPlans {

    private WorkflowPlans() {}

    /** The project root (the folder holding {@code mvnw}). */
    public static Path root() {
        String env = System.getenv("BACKBONE_PROJECT_ROOT");
        if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env, "mvnw"))) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }

    /** Example schemas, by file name without {@code .json}. */
    public static List<String> examples() {
        return list(root().resolve("examples"));
    }

    /** This target's own corpus documents, by file name without {@code .json}. */
    public static List<String> corpus() {
        return list(root().resolve("backbone-core/src/test/resources/sql-corpus"));
    }

    /**
     * The sqlalchemy target's corpus ({@code src/test/resources/sqlalchemy-corpus/}), named
     * {@code sqlalchemy-corpus/<file>}: the catalog comparison runs it too, so both corpora
     * prove the agreement.
     */
    public static List<String> sqlalchemyCorpus() {
        Path dir = root().resolve("backbone-core/src/test/resources/sqlalchemy-corpus");
        return Files.isDirectory(dir) ? list(dir).stream().map(n -> "sqlalchemy-corpus/" + n).toList() : List.of();
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of an example or corpus document, its db_type replaced by {@code db} (null keeps it). */
    public static String text(String name, DbType db) {
        Path example = root().resolve("examples").resolve(name + ".json");
        Path file = Files.exists(example) ? example
                : name.startsWith("sqlalchemy-corpus/") ? root().resolve("backbone-core/src/test/resources").resolve(name + ".json")
                : root().resolve("backbone-core/src/test/resources/sql-corpus").resolve(name + ".json");
        try {
            String text = Files.readString(file);
            return db == null ? text : text.replaceFirst("\"db_type\":\\s*\"[a-z]+\"", "\"db_type\": \"" + db.wire() + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The architect's plan of a document, which must have no errors. */
    public static Plan plan(String name, DbType db) {
        ValidationOutcome v = new Workflow().validate(text(name, db), Limits.DEFAULTS, WorkflowListener.NONE);
        List<Finding> errors = v.findings().stream().filter(Finding::isError).toList();
        assertThat(errors).as(name + " on " + db).isEmpty();
        assertThat(v.plan()).as(name + " on " + db).isNotNull();
        return v.plan();
    }

    /** The files of a generation run through the whole workflow. */
    public static List<GeneratedFile> generate(String name, DbType db, List<String> targets) {
        GenerationOutcome out = new Workflow().generate(new GenerateRequest(name + ".json", text(name, db), targets, null,
                VerifyMode.NONE, Limits.DEFAULTS, false), WorkflowListener.NONE);
        assertThat(out.validation().valid()).as(name + " on " + db + ": " + out.validation().findings()).isTrue();
        return out.files();
    }

    /** Every example and corpus document (both corpora) planned for {@code db}, named for test reports. */
    public static Stream<Named<Plan>> all(DbType db) {
        List<Named<Plan>> out = new ArrayList<>();
        for (String n : examples()) {
            out.add(Named.of(n, plan(n, db)));
        }
        for (String n : corpus()) {
            out.add(Named.of("corpus/" + n, plan(n, db)));
        }
        for (String n : sqlalchemyCorpus()) {
            out.add(Named.of(n, plan(n, db)));
        }
        return out.stream();
    }
}
