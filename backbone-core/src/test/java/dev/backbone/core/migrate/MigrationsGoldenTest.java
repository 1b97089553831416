package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.migrations.MigrationsTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations target's files for every example, checked in under
 * {@code golden/<example>/migrations/<path>}. Run with {@code -Dbackbone.updateGolden=true}
 * to rewrite them after an intended change (and review the diff).
 */
class MigrationsGoldenTest {

    private static final boolean UPDATE = Boolean.getBoolean("backbone.updateGolden");

    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(MigrationProjects.root().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).map(p -> p.getFileName().toString().replace(".json", ""))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void matchesTheCheckedInFiles(String example) throws IOException {
        Path dir = MigrationProjects.root().resolve("backbone-core/src/test/resources/golden").resolve(example).resolve("migrations");
        List<GeneratedFile> files = new MigrationsTarget().render(
                MigrationProjects.plan(MigrationProjects.read(MigrationProjects.root().resolve("examples/" + example + ".json"))),
                TemplateRenderer.packaged());
        assertThat(files).extracting(GeneratedFile::path).contains("alembic.ini", "migrations/env.py",
                "migrations/versions/0001_initial.py", "migrations/sql/0001_initial.sql");
        for (GeneratedFile f : files) {
            Path golden = dir.resolve(f.path());
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, f.content());
            }
            assertThat(golden).as("golden file (run with -Dbackbone.updateGolden=true to create it)").exists();
            assertThat(f.content()).as(golden.toString()).isEqualTo(Files.readString(golden));
        }
    }
}
