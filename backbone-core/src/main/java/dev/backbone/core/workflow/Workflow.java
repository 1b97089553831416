package dev.backbone.core.workflow;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.project.ProjectReadme;
import dev.backbone.core.generate.Targets;
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
        List<Target> targets = Targets.byNames(req.targets());
        TemplateRenderer templates = new TemplateRenderer(req.templateDir());
        listener.workflowStarted("generation");
        long start = System.nanoTime();
        try {
            ValidationOutcome v = validateAndPlan(req.text(), req.limits(), req.strict(), listener);
            if (!v.valid() || (req.strict() && !v.warnings().isEmpty())) {
                listener.workflowFinished("generation", "failed", System.nanoTime() - start);
                return new GenerationOutcome(v, List.of(), VerifyReport.none(), 0);
            }
            Rendered rendered = stage(STAGE_GENERATE, CODE_GENERATOR, listener, () -> render(v.plan(), targets, req, templates, listener));
            List<GeneratedFile> files = rendered.files();
            listener.filesGenerated(v.plan().projectName(), files.size(),
                    files.stream().mapToLong(GeneratedFile::lines).sum(), rendered.models());
            VerifyReport report = stage(STAGE_VERIFY, CODE_VALIDATOR, listener, () -> codeValidator.verify(v.plan(), files, req.verify(), listener));
            GenerationOutcome out = new GenerationOutcome(v, files, report, rendered.models());
            listener.workflowFinished("generation", out.status(), System.nanoTime() - start);
            return out;
        } catch (RuntimeException e) {
            listener.workflowFinished("generation", "error", System.nanoTime() - start);
            throw e;
        }
    }

    /** What the code_generator made: the files of every target, and the most models one of them renders. */
    private record Rendered(List<GeneratedFile> files, int models) implements StageResult {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    private static Rendered render(Plan plan, List<Target> targets, GenerateRequest req, TemplateRenderer templates,
            WorkflowListener listener) {
        List<GeneratedFile> files = new ArrayList<>();
        int models = 0;
        for (Target t : targets) {
            files.addAll(Tools.call(listener, "render:" + t.name(), () -> t.render(plan, templates), r -> true));
            models = Math.max(models, t.modelCount(plan));
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
