package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.DbType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents the Python-toolchain tests generate: the examples (each on its own database)
 * and the corpus in {@code src/test/resources/sqlalchemy-corpus} on every database type. Each
 * is written to {@code <root>/<id>/}, a namespace package, so one interpreter (and one mypy
 * run) can check all of them: {@code <id>.app.models}.
 */
final class GeneratedCorpus {

    /** One generated project. */
    record Case(String id, String source, String json, DbType db, Plan plan, List<GeneratedFile> files) {

        String pkg() {
            return id + ".app";
        }

        List<String> pythonFiles() {
            return Generation.pythonPaths(files, id + "/");
        }

        /** Every table create_all must make: the plan's tables and association tables. */
        List<String> expectedTables() {
            return Stream.concat(plan.tables().stream().map(PlannedTable::tableName),
                    plan.associations().stream().map(AssociationTable::name)).sorted().toList();
        }
    }

    private GeneratedCorpus() {}

    static Path corpusDir() {
        return Generation.projectRoot().resolve("backbone-core/src/test/resources/sqlalchemy-corpus");
    }

    static List<Path> corpusFiles() {
        Path dir = Files.isDirectory(corpusDir()) ? corpusDir() : Path.of("src/test/resources/sqlalchemy-corpus");
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plans, renders and writes every case under {@code root}. */
    static List<Case> generate(Path root) {
        List<Case> cases = new ArrayList<>();
        for (Path ex : Generation.examples()) {
            String json = Generation.read(ex);
            cases.add(make(root, "ex_" + base(ex), ex.getFileName().toString(), json));
        }
        for (Path doc : corpusFiles()) {
            String json = Generation.read(doc);
            for (DbType db : DbType.values()) {
                String variant = json.replaceFirst("\"db_type\": \"postgresql\"", "\"db_type\": \"" + db.wire() + "\"");
                cases.add(make(root, base(doc) + "_" + db.wire(), doc.getFileName() + " on " + db.wire(), variant));
            }
        }
        return cases;
    }

    private static Case make(Path root, String id, String source, String json) {
        Plan plan = Generation.plan(json);
        List<GeneratedFile> files = Generation.render(plan);
        Generation.write(root.resolve(id), files);
        return new Case(id, source, json, plan.dbType(), plan, files);
    }

    private static String base(Path p) {
        return p.getFileName().toString().replace(".json", "").replace('-', '_');
    }
}
