package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.testsupport.Requirements;
import dev.backbone.core.verify.python.CreateAllResult;
import dev.backbone.core.verify.python.PythonToolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated project to a folder and runs its {@code Base.metadata.create_all} against a
 * database through the code_validator's {@link PythonToolchain} (SQLAlchemy's warnings count as
 * failures there). Skips locally, fails in CI, when no toolchain with SQLAlchemy 2 (psycopg2 is
 * needed too: without it create_all fails and says so).
 */
final class CreateAllRunner {

    private CreateAllRunner() {}

    static void createAll(List<GeneratedFile> files, Path dir, String sqlalchemyUrl) throws IOException {
        PythonToolchain python = PythonToolchain.detect();
        Requirements.require(python.available() && python.hasSqlAlchemy2(),
                "a Python with SQLAlchemy 2 (BACKBONE_PYTHON, PYTHONPATH): " + python.describe());
        for (GeneratedFile f : files) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        List<CreateAllResult> results = python.createAll(dir, List.of("app"), sqlalchemyUrl, Map.of());
        assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).as("create_all: " + r.error() + r.skipped()).isTrue());
    }
}
