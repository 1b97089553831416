package dev.backbone.core.verify;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.sql.EmbeddedDdlCheck;
import dev.backbone.core.workflow.WorkflowListener;
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
 * runs the Python toolchain when one is available (syntax, pyflakes, black --check,
 * mypy --strict, import + {@code create_all} on SQLite). A missing toolchain is a SKIPPED check
 * with its reason, never a pass.
 */
public final class CodeValidator {

    private static final String STAGE = "verify";

    private final Supplier<PythonToolchain> python;

    public CodeValidator() {
        this(PythonToolchain::detect);
    }

    /** @param python how to find the Python toolchain (detected lazily: fast runs never start a process) */
    public CodeValidator(Supplier<PythonToolchain> python) {
        this.python = python;
    }

    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode) {
        return verify(plan, files, mode, WorkflowListener.NONE);
    }

    /** As {@link #verify(Plan, List, VerifyMode)}, telling {@code listener} as each step starts. */
    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode, WorkflowListener listener) {
        if (mode == VerifyMode.NONE) {
            return VerifyReport.none();
        }
        List<VerifyReport.Check> checks = new ArrayList<>();
        if (files.stream().anyMatch(f -> f.path().equals("schema.sql"))) {
            listener.stepStarted(STAGE, "SQL on an embedded database");
            checks.addAll(new EmbeddedDdlCheck().check(plan, files));
        }
        List<GeneratedFile> py = files.stream().filter(f -> f.path().endsWith(".py")).toList();
        if (!py.isEmpty()) {
            listener.stepStarted(STAGE, "model structure");
            checks.addAll(ModelStructureCheck.check(plan, files));
            if (mode == VerifyMode.FULL) {
                checks.addAll(toolchain(py, listener));
            }
        }
        return new VerifyReport(mode, checks);
    }

    private List<VerifyReport.Check> toolchain(List<GeneratedFile> py, WorkflowListener listener) {
        listener.stepStarted(STAGE, "finding the Python toolchain");
        PythonToolchain tc = python.get();
        if (!tc.available() || !tc.hasSqlAlchemy2()) {
            return List.of(new VerifyReport.Check("*", "python", VerifyReport.Status.SKIPPED,
                    "no Python toolchain with SQLAlchemy 2 (" + tc.describe() + "); set BACKBONE_PYTHON"));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("backbone-verify-");
            for (GeneratedFile f : py) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            }
            List<String> paths = py.stream().map(GeneratedFile::path).toList();
            List<VerifyReport.Check> out = new ArrayList<>();
            listener.stepStarted(STAGE, "python: syntax");
            out.addAll(tc.checkSyntax(dir, paths));
            listener.stepStarted(STAGE, "python: pyflakes");
            out.addAll(tc.checkPyflakes(dir, paths));
            listener.stepStarted(STAGE, "python: black --check");
            out.addAll(tc.checkBlack(dir, paths));
            listener.stepStarted(STAGE, "python: mypy --strict");
            out.addAll(tc.checkMypy(dir, paths));
            listener.stepStarted(STAGE, "python: import and create_all");
            out.addAll(tc.checkCreateAll(dir, List.of("app")));
            return out;
        } catch (IOException e) {
            return List.of(new VerifyReport.Check("*", "python", VerifyReport.Status.FAILED,
                    "cannot write the files for checking: " + e.getMessage()));
        } finally {
            ProjectWriter.deleteTree(dir);
        }
    }
}
