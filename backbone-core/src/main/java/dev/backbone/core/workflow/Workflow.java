package dev.backbone.core.workflow;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.project.ProjectReadme;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.generate.sql.SqlTarget;
import dev.backbone.core.plan.Architect;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.SchemaValidator;
import dev.backbone.core.validate.ValidatedSchema;
import dev.backbone.core.validate.Severity;
import dev.backbone.core.verify.CodeValidator;
import dev.backbone.core.verify.VerifyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one pipeline: read, schema_validator, architect, code_generator, code_validator. The CLI
 * and the server both run it; they learn what happens through the {@link WorkflowListener}.
 * Stateless and thread-safe: one instance serves concurrent requests.
 */
public final class Workflow {

    public static final String STAGE_VALIDATE = "validate";
    public static final String STAGE_PLAN = "plan";
    public static final String STAGE_GENERATE = "generate";
    public static final String STAGE_VERIFY = "verify";

    public static final String SCHEMA_VALIDATOR = "schema_validator";
    public static final String ARCHITECT = "architect";
    public static final String CODE_GENERATOR = "code_generator";
    public static final String CODE_VALIDATOR = "code_validator";

    private final CodeValidator codeValidator;

    public Workflow() {
        this(new CodeValidator());
    }

    /** @param codeValidator how generated code is verified (the CLI passes the toolchain it already probed) */
    public Workflow(CodeValidator codeValidator) {
        this.codeValidator = codeValidator;
    }

    /** Validate and plan only (the {@code validate}/{@code plan} commands and {@code POST /api/v1/validate}). */
    public ValidationOutcome validate(String text, Limits limits, WorkflowListener listener) {
        listener.workflowStarted("validation");
        long start = System.nanoTime();
        try {
            ValidationOutcome out = validateAndPlan(text, limits, false, listener);
            listener.workflowFinished("validation", out.valid() ? "completed" : "failed", System.nanoTime() - start);
            return out;
        } catch (RuntimeException e) {
            listener.workflowFinished("validation", "error", System.nanoTime() - start);
            throw e;
        }
    }

    /** The whole pipeline; files are returned in memory, never written here. */
    public GenerationOutcome generate(GenerateRequest req, WorkflowListener listener) {
        return render(req, listener).verify();
    }

    /**
     * The pipeline up to the rendered files; {@link Rendering#verify()} runs the last stage. A
     * caller may start writing the files somewhere private in between (the CLI stages them next
     * to the output folder) and must publish them only once they passed.
     */
    public Rendering render(GenerateRequest req, WorkflowListener listener) {
        List<Target> targets = Targets.byNames(req.targets());
        TemplateRenderer templates = new TemplateRenderer(req.templateDir());
        listener.workflowStarted("generation");
        long start = System.nanoTime();
        try {
            ValidationOutcome v = validateAndPlan(req.text(), req.limits(), req.strict(), listener);
            if (!v.valid() || (req.strict() && !v.warnings().isEmpty())) {
                return new Rendering(req, listener, start, v, null, null);
            }
            AtomicReference<CodeValidator.Ahead> ahead = new AtomicReference<>();
            Rendered rendered = stage(STAGE_GENERATE, CODE_GENERATOR, listener,
                    () -> render(v.plan(), targets, req, templates, listener, ahead));
            List<GeneratedFile> files = rendered.files();
            listener.filesGenerated(v.plan().projectName(), files.size(),
                    files.stream().mapToLong(GeneratedFile::lines).sum(), rendered.models());
            return new Rendering(req, listener, start, v, rendered, ahead.get());
        } catch (RuntimeException e) {
            listener.workflowFinished("generation", "error", System.nanoTime() - start);
            throw e;
        }
    }

    /** A generation whose files are rendered and not yet verified. */
    public final class Rendering {

        private final GenerateRequest req;
        private final WorkflowListener listener;
        private final long start;
        private final ValidationOutcome validation;
        private final Rendered rendered;
        private final CodeValidator.Ahead ahead;
        private GenerationOutcome outcome;

        private Rendering(GenerateRequest req, WorkflowListener listener, long start, ValidationOutcome validation,
                Rendered rendered, CodeValidator.Ahead ahead) {
            this.req = req;
            this.listener = listener;
            this.start = start;
            this.validation = validation;
            this.rendered = rendered;
            this.ahead = ahead;
        }

        /** The rendered files; empty when the schema was rejected. */
        public List<GeneratedFile> files() {
            return rendered == null ? List.of() : rendered.files();
        }

        /** The verify stage (once; later calls return the same outcome). */
        public synchronized GenerationOutcome verify() {
            if (outcome != null) {
                return outcome;
            }
            if (rendered == null) {
                listener.workflowFinished("generation", "failed", System.nanoTime() - start);
                outcome = new GenerationOutcome(validation, List.of(), VerifyReport.none(), 0);
                return outcome;
            }
            try {
                VerifyReport report = stage(STAGE_VERIFY, CODE_VALIDATOR, listener,
                        () -> codeValidator.verify(validation.plan(), rendered.files(), req.verify(), listener, ahead));
                outcome = new GenerationOutcome(validation, rendered.files(), report, rendered.models());
                listener.workflowFinished("generation", outcome.status(), System.nanoTime() - start);
                return outcome;
            } catch (RuntimeException e) {
                listener.workflowFinished("generation", "error", System.nanoTime() - start);
                throw e;
            }
        }
    }

    /** What the code_generator made: the files of every target, and the most models one of them renders. */
    private record Rendered(List<GeneratedFile> files, int models) implements StageResult {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /**
     * Every target rendered, on more than one thread where the machine has cores to spare
     * ({@link Parallel#computeHelpers()}): the pieces of all targets ({@link Target#pieces}) go
     * through one {@link Parallel} queue, and each target's render is reported as a tool call, in
     * the targets' order, with the time its pieces took. With helpers the sql target's piece goes
     * first and its schema.sql starts the DDL check ahead of the verify stage
     * ({@link CodeValidator#ahead}), which then overlaps the rendering of the others.
     */
    private Rendered render(Plan plan, List<Target> targets, GenerateRequest req, TemplateRenderer templates,
            WorkflowListener listener, AtomicReference<CodeValidator.Ahead> ahead) {
        int helpers = Parallel.computeHelpers();
        List<Supplier<List<GeneratedFile>>> pieces = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            boolean sql = helpers > 0 && t.name().equals(SqlTarget.NAME);
            List<Supplier<List<GeneratedFile>>> own = sql ? List.of(() -> t.render(plan, templates)) : t.pieces(plan, templates);
            for (Supplier<List<GeneratedFile>> piece : own) {
                order.add(sql ? 0 : order.size(), pieces.size());
                owner.add(i);
                pieces.add(sql ? () -> {
                    List<GeneratedFile> out = piece.get();
                    ahead.set(codeValidator.ahead(plan, out, req.verify()));
                    return out;
                } : piece);
            }
        }
        List<Parallel.Done<List<GeneratedFile>>> done = Parallel.run(pieces, order, helpers);
        List<GeneratedFile> files = new ArrayList<>();
        int models = 0;
        try {
            for (int i = 0; i < targets.size(); i++) {
                long nanos = 0;
                Parallel.Done<List<GeneratedFile>> failed = null;
                List<GeneratedFile> own = new ArrayList<>();
                for (int k = 0; k < pieces.size(); k++) {
                    if (owner.get(k) == i) {
                        Parallel.Done<List<GeneratedFile>> d = done.get(k);
                        nanos += d.nanos();
                        if (d.error() != null && failed == null) {
                            failed = d;
                        } else if (d.error() == null) {
                            own.addAll(d.value());
                        }
                    }
                }
                String tool = "render:" + targets.get(i).name();
                listener.toolStarted(tool);
                listener.toolFinished(tool, nanos, failed == null);
                if (failed != null) {
                    failed.get();
                }
                files.addAll(own);
                models = Math.max(models, targets.get(i).modelCount(plan));
            }
        } catch (RuntimeException | Error e) {
            CodeValidator.Ahead a = ahead.get();
            if (a != null) {
                a.cancel();
            }
            throw e;
        }
        // A later target's file replaces an earlier one of the same path: the fastapi
        // target's requirements.txt includes the models' requirements.
        Map<String, GeneratedFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        files = new ArrayList<>(byPath.values());
        files.add(ProjectReadme.render(plan, files, req.targets(), templates));
        return new Rendered(files, models);
    }

    /**
     * read -> validate -> plan, each stage timed as itself: the validate stage reads the text (with
     * positions) and checks it, the plan stage runs the architect on what the validator accepted.
     */
    private ValidationOutcome validateAndPlan(String text, Limits limits, boolean strict, WorkflowListener listener) {
        SchemaValidator.Validation validation = stage(STAGE_VALIDATE, SCHEMA_VALIDATOR, listener, () -> {
            SchemaReader.Result r = SchemaReader.read(text);
            return new SchemaValidator(limits).check(r.schema(), r.findings());
        });
        List<Finding> findings = new ArrayList<>(validation.findings());
        listener.schemaChecked(validation.schema() == null ? null : validation.schema().projectName(),
                validation.schema() == null ? 0 : validation.schema().tables().size(), (int) count(findings, Severity.ERROR),
                (int) count(findings, Severity.WARNING), (int) count(findings, Severity.INFO));
        if (!validation.succeeded()) {
            listener.agentError(SCHEMA_VALIDATOR, "invalid_schema");
            return new ValidationOutcome(validation.schema(), findings, null);
        }
        ValidatedSchema document = validation.document();
        Planned planned = stage(STAGE_PLAN, ARCHITECT, listener, () -> new Planned(new Architect().plan(document)));
        return new ValidationOutcome(document.schema(), findings, planned.plan());
    }

    /** The architect's plan: it takes only a validated document, so planning always succeeds. */
    private record Planned(Plan plan) implements StageResult {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /** Runs one stage with its agent, reporting start, end and errors; the result says whether it succeeded. */
    private <T extends StageResult> T stage(String stage, String agent, WorkflowListener l, Supplier<T> work) {
        l.stageStarted(stage);
        l.agentStarted(agent);
        long t0 = System.nanoTime();
        try {
            T result = work.get();
            long dt = System.nanoTime() - t0;
            boolean success = result.succeeded();
            l.agentFinished(agent, success ? "success" : "failure", dt);
            l.stageFinished(stage, dt, success);
            return result;
        } catch (RuntimeException e) {
            long dt = System.nanoTime() - t0;
            l.agentError(agent, e.getClass().getSimpleName());
            l.agentFinished(agent, "failure", dt);
            l.stageFinished(stage, dt, false);
            throw e;
        }
    }

    /** Severity counts for summaries. */
    public static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
