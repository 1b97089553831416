package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pair of the migration corpus on a real database: the old project's migrations, one row
 * per table, then the regenerated project's revision 0002. The catalog must equal a fresh
 * {@code create_all} of the new models (and {@code schema.sql}'s on PostgreSQL), kept columns
 * keep their values, {@code alembic check} finds no drift, and {@code downgrade -1} restores
 * the old catalog. One Python process per database runs all pairs.
 *
 * <p>{@code -Dbackbone.corpus=06_,39_} runs only the pairs whose folder starts so (while working on them).
 */
class MigrationCorpusLiveTest {

    @ParameterizedTest
    @EnumSource(value = DbType.class, names = {"SQLITE", "POSTGRESQL", "MYSQL"})
    void everyPairUpgradesKeepsRowsAndDowngrades(DbType db, @TempDir Path dir) throws IOException {
        List<MigrationDriver.Case> cases = new ArrayList<>();
        String only = System.getProperty("backbone.corpus", "");
        for (MigrationCorpus.Pair p : MigrationCorpus.pairs(db)) {
            if (!only.isEmpty() && java.util.Arrays.stream(only.split(",")).noneMatch(p.id()::startsWith)) {
                continue;
            }
            Path old = dir.resolve(p.id()).resolve("old");
            Path now = dir.resolve(p.id()).resolve("new");
            MigrationProjects.write(old, MigrationProjects.render(p.old()));
            MigrationProjects.write(now, MigrationProjects.upgraded(p.old(), p.now(), SchemaChange.renames(p.newSchema())));
            cases.add(new MigrationDriver.Case(p.id(), old, now, p.kept()));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(only.isEmpty() ? 30 : 1);
        Map<String, List<String>> problems = MigrationDriver.run(db, dir, cases);
        assertThat(problems).hasSize(cases.size());
        List<String> all = new ArrayList<>();
        problems.forEach((id, list) -> list.forEach(p -> all.add(id + " on " + db.wire() + ": " + p)));
        assertThat(all).isEmpty();
    }
}
