package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The initial revision on real databases, for every example: {@code alembic upgrade head} on an
 * empty database gives the catalog of the models' {@code create_all} (and, on PostgreSQL, of
 * {@code schema.sql}), {@code alembic check} finds no drift, {@code downgrade base} leaves
 * nothing (no table, no enum type).
 */
class InitialMigrationLiveTest {

    @ParameterizedTest
    @EnumSource(value = DbType.class, names = {"SQLITE", "POSTGRESQL", "MYSQL"})
    void initialRevisionUpgradesChecksAndDowngrades(DbType db, @TempDir Path dir) throws IOException {
        List<MigrationDriver.Case> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(MigrationProjects.root().resolve("examples"))) {
            for (Path example : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = example.getFileName().toString().replace(".json", "");
                Path project = dir.resolve(name);
                MigrationProjects.write(project, MigrationProjects.render(
                        MigrationProjects.plan(MigrationProjects.withDb(MigrationProjects.read(example), db))));
                cases.add(new MigrationDriver.Case(name, null, project, List.of()));
            }
        }
        Map<String, List<String>> problems = MigrationDriver.run(db, dir, cases);
        assertThat(problems).hasSize(cases.size());
        problems.forEach((id, p) -> assertThat(p).as(id + " on " + db.wire()).isEmpty());
    }
}
