package dev.backbone.core.verify;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.sql.SqlTarget;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.sql.EmbeddedDdlCheck;
import dev.backbone.core.workflow.Tools;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The code_validator agent: proves generated files work. {@code fast} stays in the JVM (the DDL
 * executed on an embedded database for the dialect; the models' structure); {@code full} also
 * runs the Python toolchain when one is available (syntax, pyflakes, ruff check, black --check,
 * mypy --strict, import + {@code create_all} on SQLite, and the generated project's own tests). A missing toolchain is a SKIPPED check
 * with its reason, never a pass.
 */
public final class CodeValidator {


    private static final String DDL_CHECK = "ddl_check";

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

    /** As {@link #verify(Plan, List, VerifyMode)}, each check reported to {@code listener} as a tool call. */
    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode, WorkflowListener listener) {
        return verify(plan, files, mode, listener, null);
    }

    /**
     * As {@link #verify(Plan, List, VerifyMode, WorkflowListener)}, collecting the DDL check begun
     * {@link #ahead} when it checked the very schema.sql among {@code files}.
     */
    public VerifyReport verify(Plan plan, List<GeneratedFile> files, VerifyMode mode, WorkflowListener listener, Ahead ahead) {
        if (mode == VerifyMode.NONE) {
            return VerifyReport.none();
        }
        List<VerifyReport.Check> checks = new ArrayList<>();
        GeneratedFile sql = files.stream().filter(f -> f.path().equals(SqlTarget.FILE)).findFirst().orElse(null);
        if (sql != null && ahead != null && ahead.sql == sql) {
            listener.toolStarted(DDL_CHECK);
            Ahead.Result r = null;
            try {
                r = ahead.join();
                checks.addAll(r.checks());
            } finally {
                listener.toolFinished(DDL_CHECK, r == null ? 0 : r.nanos(), r != null && passed(r.checks()));
            }
        } else if (sql != null) {
            checks.addAll(Tools.call(listener, DDL_CHECK, () -> new EmbeddedDdlCheck().check(plan, files), CodeValidator::passed));
        }
        List<GeneratedFile> py = files.stream().filter(f -> f.path().endsWith(".py")).toList();
        if (!py.isEmpty()) {
            checks.addAll(Tools.call(listener, "model_structure", () -> ModelStructureCheck.check(plan, files), CodeValidator::passed));
            if (mode == VerifyMode.FULL) {
                checks.addAll(toolchain(py, files, listener));
            }
        }
        return new VerifyReport(mode, checks);
    }

    /**
     * Begins the DDL check of the {@code schema.sql} among one target's freshly rendered files on
     * a thread of its own, so that it runs while the other targets render; the verify stage
     * collects it ({@link #verify(Plan, List, VerifyMode, WorkflowListener, Ahead)}). Null when
     * there is nothing to check ahead (no schema.sql, or {@code --verify none}).
     */
    public Ahead ahead(Plan plan, List<GeneratedFile> rendered, VerifyMode mode) {
        if (mode == VerifyMode.NONE) {
            return null;
        }
        return rendered.stream().filter(f -> f.path().equals(SqlTarget.FILE)).findFirst().map(f -> new Ahead(plan, f)).orElse(null);
    }

    /** The DDL check of one schema.sql, running ahead of the verify stage. */
    public static final class Ahead {

        /** What the check found, and how long it ran. */
        record Result(List<VerifyReport.Check> checks, long nanos) {}

        private final GeneratedFile sql;
        private final FutureTask<Result> task;

        private Ahead(Plan plan, GeneratedFile sql) {
            this.sql = sql;
            this.task = new FutureTask<>(() -> {
                long t0 = System.nanoTime();
                List<VerifyReport.Check> checks = new EmbeddedDdlCheck().check(plan, sql.content());
                return new Result(checks, System.nanoTime() - t0);
            });
            Thread t = new Thread(task, "backbone-ddl-check");
            t.setDaemon(true);
            t.start();
        }

        /** The check's result, waiting for it (or running it here if its thread has not begun). */
        Result join() {
            task.run();
            try {
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the DDL", e);
            }
        }

        /** Drops a check whose result nobody will collect (the rendering failed). */
        public void cancel() {
            task.cancel(false);
        }
    }

    private static boolean passed(List<VerifyReport.Check> checks) {
        return checks.stream().noneMatch(c -> c.status() == VerifyReport.Status.FAILED);
    }

    private List<VerifyReport.Check> toolchain(List<GeneratedFile> py, List<GeneratedFile> all, WorkflowListener listener) {
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
            Path root = dir;
            List<String> paths = py.stream().map(GeneratedFile::path).toList();
            List<VerifyReport.Check> out = new ArrayList<>();
            out.addAll(python(listener, PythonToolchain.SYNTAX, () -> tc.checkSyntax(root, paths)));
            out.addAll(python(listener, PythonToolchain.PYFLAKES, () -> tc.checkPyflakes(root, paths)));
            out.addAll(python(listener, PythonToolchain.BLACK, () -> tc.checkBlack(root, paths)));
            out.addAll(python(listener, PythonToolchain.MYPY, () -> tc.checkMypy(root, paths)));
            out.addAll(python(listener, PythonToolchain.CREATE_ALL, () -> tc.checkCreateAll(root, List.of("app"))));
            return out;
        } catch (IOException e) {
            return List.of(new VerifyReport.Check("*", "python", VerifyReport.Status.FAILED,
                    "cannot write the files for checking: " + e.getMessage()));
        } finally {
            ProjectWriter.deleteTree(dir);
        }
    }

    private static List<VerifyReport.Check> python(WorkflowListener l, String check, Supplier<List<VerifyReport.Check>> run) {
        return Tools.call(l, "python:" + check, run, CodeValidator::passed);
    }
}
