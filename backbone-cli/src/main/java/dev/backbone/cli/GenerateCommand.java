package dev.backbone.cli;

import dev.backbone.core.generate.Targets;
import dev.backbone.core.verify.CodeValidator;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.report.OutcomeJson;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.regenerate.Manifest;
import dev.backbone.core.regenerate.Regenerator;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backbone-ai generate}: the whole pipeline, then the project written whole or not at all.
 * An invalid schema prints its findings (as {@code validate} does), exits 1 and creates nothing.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a project (SQLAlchemy 2.0 models, SQL DDL, a FastAPI app, Alembic migrations) from a schema document, verified before it is written; into an existing BackBone project it updates in place, keeping your changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:generated and written", "1:the schema or the generated code is invalid (nothing written), or a file you changed conflicts (unless --accept-conflicts)", "2:usage or I/O error, or --verify full without the Python tools it needs"})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    SchemaInput input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write the project into.")
    Path output;

    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "NAME",
            description = "Targets to render, comma separated (default: sqlalchemy,sql,migrations,fastapi).")
    List<String> targets = GenerateRequest.DEFAULT_TARGETS;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of templates overriding the packaged ones by file name (default: $TEMPLATE_DIR).")
    Path templates;

    @Option(names = "--verify", paramLabel = "MODE", defaultValue = "fast",
            description = "Check the generated code: none, fast (in the JVM: the DDL on an embedded database, the models' structure) "
                    + "or full (also Python: syntax, pyflakes, black, mypy --strict, import and create_all; fails with exit code 2 "
                    + "when those tools are missing). Default: ${DEFAULT-VALUE}.")
    String verify;

    @Option(names = {"-f", "--force"},
            description = "Replace a non-empty folder that is not a BackBone project, after listing what it deletes and asking (not needed for a BackBone project: it is updated in place).")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "With --force: do not ask before deleting.")
    boolean yes;

    @Option(names = "--dry-run", description = "Print what would be written, merged, kept and removed, with a diff; change nothing.")
    boolean dryRun;

    @Option(names = "--accept-conflicts",
            description = "Exit 0 even when a file you changed conflicts with the new version (it stays yours; ours is written beside it as .backbone-new).")
    boolean acceptConflicts;

    @Option(names = "--allow-destructive",
            description = "Write a migration that drops tables or columns, narrows a type or removes Enum labels (refused otherwise).")
    boolean allowDestructive;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Mixin
    ProgressOptions progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        Path file = input.displayPath(cl);
        VerifyMode mode;
        try {
            mode = VerifyMode.parse(verify);
            Targets.byNames(targets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (mode == VerifyMode.FULL && Invocation.current().remote()) {
            // the Python tools should see the client's environment, and take seconds anyway
            return Invocation.runLocally();
        }
        Path templateDir = templates != null ? templates : envPath("TEMPLATE_DIR");
        if (templateDir != null && !java.nio.file.Files.isDirectory(templateDir)) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.INPUT, "template folder not found: " + Invocation.current().shown(templateDir));
        }
        String text;
        boolean project = Manifest.isProject(output);
        try {
            text = input.text(cl);
            if (!project && !dryRun) {
                ProjectWriter.checkWritable(output, force);
            }
        } catch (ProjectWriter.OutputExistsException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.OUTPUT, "output folder " + Invocation.current().shown(output) + " exists, is not empty "
                    + "and is not a BackBone project (no " + Manifest.FILE + "); use --force to replace it (it lists what it "
                    + "deletes and asks first)");
        } catch (SchemaInput.InputException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.INPUT, e.getMessage());
        } catch (IOException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.OUTPUT, e.getMessage());
        }
        GenerationOutcome g;
        StagedWrite staged = null;
        try (Progress p = Progress.of(cl, progress)) {
            CodeValidator validator = new CodeValidator();
            if (mode == VerifyMode.FULL) {
                p.status("verify: finding the Python toolchain");
                PythonToolchain tc = PythonToolchain.detect();
                Optional<String> missing = FullVerification.missing(tc);
                if (missing.isPresent()) {
                    p.close();
                    return Problems.fail(cl, BackboneCommand.USAGE, Problems.VERIFICATION, FullVerification.message(missing.get()));
                }
                validator = new CodeValidator(() -> tc);
            }
            GenerateRequest req = new GenerateRequest(file.toString(), text, targets, templateDir, mode, Limits.DEFAULTS, strict);
            Workflow.Rendering rendering = new Workflow(validator).render(req, CliTracing.listener(p));
            if (!project && !dryRun && !rendering.files().isEmpty()) {
                staged = StagedWrite.start(output, rendering.files(), text, force);
            }
            g = rendering.verify();
        } catch (RuntimeException | Error e) {
            if (staged != null) {
                staged.discard();
            }
            throw e;
        }
        Integer refused = refusal(cl, file, g);
        if (refused != null) {
            if (staged != null) {
                staged.discard();
            }
            return refused;
        }
        if (project) {
            return new Regenerate(out, cl.getErr(), output, dryRun, acceptConflicts, allowDestructive).run(file, text, g,
                    templateDir == null ? dev.backbone.core.generate.TemplateRenderer.packaged()
                            : new dev.backbone.core.generate.TemplateRenderer(templateDir));
        }
        if (dryRun) {
            List<dev.backbone.core.generate.GeneratedFile> all = new java.util.ArrayList<>(g.files());
            all.addAll(Regenerator.stateFiles(g.files(), text));
            all.forEach(f -> out.println("write " + f.path()));
            out.println("dry run: " + FindingPrinter.plural(all.size(), "file") + " would be written into " + Invocation.current().shown(output));
            return BackboneCommand.OK;
        }
        try {
            if (force && !ReplaceConfirmation.confirm(output, yes, out, cl.getErr())) {
                staged.discard();
                return BackboneCommand.USAGE;
            }
            staged.commit();
        } catch (IOException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.OUTPUT, e instanceof dev.backbone.core.write.WriteFailure
                    ? e.getMessage() : "cannot write " + Invocation.current().shown(output) + ": " + e.getMessage());
        }
        report(cl, file, g);
        return BackboneCommand.OK;
    }

    /** The exit code when the outcome is not to be written (an invalid schema, failed or skipped verification), else null. */
    private Integer refusal(CommandLine cl, Path file, GenerationOutcome g) {
        if (!g.validation().valid() || g.files().isEmpty()) {
            report(cl, file, g);
            return BackboneCommand.INVALID;
        }
        if (!g.verify().passed()) {
            report(cl, file, g);
            cl.getErr().println("backbone-ai: the generated code failed verification; nothing was written (use --verify none to write it anyway)");
            return BackboneCommand.INVALID;
        }
        List<VerifyReport.Check> skipped = FullVerification.skipped(g.verify());
        if (!skipped.isEmpty()) {
            VerifyReport.Check c = skipped.get(0);
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.VERIFICATION, "--verify full: the " + c.check()
                    + " check could not run (" + c.message() + "); nothing was written");
        }
        return null;
    }

    private void report(CommandLine cl, Path file, GenerationOutcome g) {
        PrintWriter out = cl.getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", g.status());
            m.put("project_name", g.validation().schema() == null ? null : g.validation().schema().projectName());
            m.put("output", Invocation.current().shown(output));
            m.put("files_generated", g.files().size());
            m.put("lines_generated", g.lines());
            m.put("files", g.files().stream().map(f -> f.path()).toList());
            m.put("errors", OutcomeJson.findings(g.validation().errors()));
            m.put("warnings", OutcomeJson.findings(g.validation().warnings()));
            m.put("info", OutcomeJson.findings(g.validation().info()));
            m.put("verification", verification(g.verify()));
            out.println(Json.write(m));
            return;
        }
        FindingPrinter.findings(out, file.toString(), g.validation().findings(), BackboneCommand.terminal(cl).colour());
        if (!g.validation().valid() || g.files().isEmpty()) {
            out.println(FindingPrinter.summary(file.toString(), g.validation()));
            return;
        }
        for (VerifyReport.Check c : g.verify().checks()) {
            if (c.status() != VerifyReport.Status.PASSED) {
                out.println(c.path() + ": " + c.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + c.check() + ": " + c.message());
            }
        }
        if (g.verify().passed()) {
            out.println("generated " + FindingPrinter.plural(g.files().size(), "file") + " (" + g.lines() + " lines) for "
                    + g.validation().plan().projectName() + " into " + Invocation.current().shown(output) + " [" + String.join(", ", targets) + "]");
        }
        out.println("verification (" + g.verify().mode().name().toLowerCase(java.util.Locale.ROOT) + "): " + counts(g.verify()));
    }

    private static Map<String, Object> verification(VerifyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("passed", r.passed());
        m.put("checks", r.checks().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("path", c.path());
            cm.put("check", c.check());
            cm.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            cm.put("message", c.message());
            return cm;
        }).toList());
        return m;
    }

    private static String counts(VerifyReport r) {
        long passed = r.checks().stream().filter(c -> c.status() == VerifyReport.Status.PASSED).count();
        long failed = r.checks().stream().filter(c -> c.status() == VerifyReport.Status.FAILED).count();
        long skipped = r.checks().stream().filter(c -> c.status() == VerifyReport.Status.SKIPPED).count();
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }

    private static Path envPath(String name) {
        String v = Invocation.current().env(name);
        return v == null || v.isBlank() ? null : Invocation.current().path(v);
    }
}
