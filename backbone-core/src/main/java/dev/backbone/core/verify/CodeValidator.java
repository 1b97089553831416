package dev.backbone.core.verify;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.sql.EmbeddedDdlCheck;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The code_validator agent: proves generated files work. {@code fast} stays in the JVM (the DDL
 * executed on an embedded database for the dialect; the models' structure); {@code full} also
 * runs the Python toolchain when one is available (syntax, pyflakes, ruff check, black --check,
 * mypy --strict, import + {@code create_all} on SQLite, and the generated project's own tests). A missing toolchain is a SKIPPED check
 * with its reason, never a pass.
 */
public final class CodeValidator {

    private final Supplier<PythonToolchain> python;

    public CodeValidator() {
        this(PythonToolchain::detect);
    }

    /** @param python how to find the Python toolchain (detected lazily: fast runs never start a process) */
    public CodeValidator(Supplier<PythonToolchain> python) {
        this.python = python;
    }

    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode) {
        if (mode == VerifyMode.NONE) {
            return VerifyReport.none();
        }
        List<VerifyReport.Check> checks = new ArrayList<>();
        if (files.stream().anyMatch(f -> f.path().equals("schema.sql"))) {
            checks.addAll(new EmbeddedDdlCheck().check(plan, files));
        }
        List<GeneratedFile> py = files.stream().filter(f -> f.path().endsWith(".py")).toList();
        if (!py.isEmpty()) {
            checks.addAll(ModelStructureCheck.check(plan, files));
            if (mode == VerifyMode.FULL) {
                checks.addAll(toolchain(py, files));
            }
        }
        return new VerifyReport(mode, checks);
    }

    private List<VerifyReport.Check> toolchain(List<GeneratedFile> py, List<GeneratedFile> all) {
        PythonToolchain tc = python.get();
        if (!tc.available() || !tc.hasSqlAlchemy2()) {
            return List.of(new VerifyReport.Check("*", "python", VerifyReport.Status.SKIPPED,
                    "no Python toolchain with SQLAlchemy 2 (" + tc.describe() + "); set BACKBONE_PYTHON"));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("backbone-verify-");
            // every file, not only the Python ones: ruff and pytest read pyproject.toml
            for (GeneratedFile f : all) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            }
            return tc.checkProject(dir, py.stream().map(GeneratedFile::path).toList());
        } catch (IOException e) {
            return List.of(new VerifyReport.Check("*", "python", VerifyReport.Status.FAILED,
                    "cannot write the files for checking: " + e.getMessage()));
        } finally {
            ProjectWriter.deleteTree(dir);
        }
    }
}
