package dev.backbone.core.migrate;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.workflow.ValidationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The (old, new) schema pairs of {@code src/test/resources/migration-corpus/}, one folder per
 * change; a folder ending {@code __destructive} holds a change that loses data.
 */
final class MigrationCorpus {

    /** One pair planned for a db_type. */
    record Pair(String id, Schema oldSchema, Plan old, Schema newSchema, Plan now) {
        boolean destructive() {
            return id.endsWith("__destructive");
        }

        SchemaChange.Side oldSide() {
            return new SchemaChange.Side(oldSchema, old);
        }

        SchemaChange.Side newSide() {
            return new SchemaChange.Side(newSchema, now);
        }

        /**
         * Columns whose values must survive the upgrade: [old table, old column, new table, new
         * column] for every column kept (through renames) whose values read back the same.
         */
        List<List<String>> kept() {
            Renames r = SchemaChange.renames(newSchema);
            List<List<String>> out = new ArrayList<>();
            for (var t : now.tables()) {
                String ot = r.oldTable(t.tableName()) != null && old.table(t.tableName()) == null ? r.oldTable(t.tableName())
                        : t.tableName();
                var before = old.table(ot);
                if (before == null) {
                    continue;
                }
                for (PlannedColumn c : t.columns()) {
                    String oc = r.oldColumn(t.tableName(), c.name()) != null && before.column(c.name()) == null
                            ? r.oldColumn(t.tableName(), c.name()) : c.name();
                    PlannedColumn b = before.column(oc);
                    if (b != null && readsTheSame(b, c)) {
                        out.add(List.of(ot, oc, t.tableName(), c.name()));
                    }
                }
            }
            return out;
        }

        private static boolean readsTheSame(PlannedColumn a, PlannedColumn b) {
            if (ColumnChange.sameType(a, b, false)) {
                return true;
            }
            ColumnType x = ColumnChange.storage(a);
            ColumnType y = ColumnChange.storage(b);
            return (x == ColumnType.STRING || x == ColumnType.TEXT) && (y == ColumnType.STRING || y == ColumnType.TEXT)
                    || x == ColumnType.INTEGER && y == ColumnType.BIG_INTEGER
                    || x == ColumnType.ENUM && y == ColumnType.ENUM;
        }
    }

    private MigrationCorpus() {}

    static Path folder() {
        return MigrationProjects.root().resolve("backbone-core/src/test/resources/migration-corpus").normalize();
    }

    static List<Pair> pairs(DbType db) {
        Path dir = Files.isDirectory(folder()) ? folder() : Path.of("src/test/resources/migration-corpus");
        try (Stream<Path> s = Files.list(dir)) {
            List<Pair> out = new ArrayList<>();
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                ValidationOutcome o = MigrationProjects.validate(MigrationProjects.withDb(MigrationProjects.read(p.resolve("old.json")), db));
                ValidationOutcome n = MigrationProjects.validate(MigrationProjects.withDb(MigrationProjects.read(p.resolve("new.json")), db));
                out.add(new Pair(p.getFileName().toString(), o.schema(), MigrationProjects.plan(
                        MigrationProjects.withDb(MigrationProjects.read(p.resolve("old.json")), db)), n.schema(),
                        MigrationProjects.plan(MigrationProjects.withDb(MigrationProjects.read(p.resolve("new.json")), db))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
