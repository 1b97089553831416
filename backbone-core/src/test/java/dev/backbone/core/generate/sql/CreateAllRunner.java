package dev.backbone.core.generate.sql;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes generated models to a folder and runs {@code Base.metadata.create_all} against a
 * database through the Python toolchain ({@code BACKBONE_PYTHON}, {@code PYTHONPATH}; psycopg2
 * for PostgreSQL). Test-only: the code_validator's own runner lives in {@code verify.python}.
 */
final class CreateAllRunner {

    private static final String SCRIPT = """
            import importlib, sys
            sys.path.insert(0, sys.argv[1])
            from sqlalchemy import create_engine
            models = importlib.import_module("app.models")
            engine = create_engine(sys.argv[2])
            models.Base.metadata.create_all(engine)
            engine.dispose()
            print("created", len(models.Base.metadata.tables), "tables")
            """;

    private CreateAllRunner() {}

    /** Skips locally (fails in CI) when no Python with SQLAlchemy 2 and psycopg2 answers. */
    static String python() {
        String python = Requirements.env("BACKBONE_PYTHON", "python3");
        boolean ok;
        try {
            Process p = new ProcessBuilder(python, "-c", "import sqlalchemy, psycopg2; assert sqlalchemy.__version__ >= '2'")
                    .redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        Requirements.require(ok, "a Python with SQLAlchemy 2 and psycopg2 (BACKBONE_PYTHON, PYTHONPATH; see /tmp/pyenv.sh)");
        return python;
    }

    static void createAll(List<GeneratedFile> files, Path dir, String sqlalchemyUrl) throws IOException, InterruptedException {
        String python = python();
        for (GeneratedFile f : files) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        Process p = new ProcessBuilder(python, "-c", SCRIPT, dir.toString(), sqlalchemyUrl).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new IllegalStateException("create_all did not finish within 120 s: " + output);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("create_all failed (exit " + p.exitValue() + "):\n" + output);
        }
    }
}
