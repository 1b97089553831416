package dev.backbone.core.workflow;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.project.ProjectReadme;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.plan.Architect;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.validate.SchemaValidator;
import dev.backbone.core.validate.Severity;
import dev.backbone.core.verify.CodeValidator;
import dev.backbone.core.verify.VerifyReport;
import java.util.ArrayList;
import java.util.List;
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
            List<GeneratedFile> files = new ArrayList<>();
            int[] models = {0};
            stage(STAGE_GENERATE, CODE_GENERATOR, listener, () -> {
                for (Target t : targets) {
                    files.addAll(t.render(v.plan(), templates));
                    models[0] = Math.max(models[0], t.modelCount(v.plan()));
                }
                files.add(ProjectReadme.render(v.plan(), files, req.targets(), templates));
                return true;
            });
            listener.filesGenerated(v.plan().projectName(), files.size(),
                    files.stream().mapToLong(GeneratedFile::lines).sum(), models[0]);
            VerifyReport report = stage(STAGE_VERIFY, CODE_VALIDATOR, listener, () -> codeValidator.verify(v.plan(), files, req.verify(), listener));
            GenerationOutcome out = new GenerationOutcome(v, files, report, models[0]);
            listener.workflowFinished("generation", out.status(), System.nanoTime() - start);
            return out;
        } catch (RuntimeException e) {
            listener.workflowFinished("generation", "error", System.nanoTime() - start);
            throw e;
        }
    }

    private ValidationOutcome validateAndPlan(String text, Limits limits, boolean strict, WorkflowListener listener) {
        List<Finding> findings = new ArrayList<>();
        Architect architect = new Architect();
        // the architect indexes each table while the reader has it in the cache (see Architect.Prepared);
        // that share of its work is timed with the validate stage
        Architect.Prepared prepared = architect.prepare();
        SchemaReader.Result read = stage(STAGE_VALIDATE, SCHEMA_VALIDATOR, listener, () -> {
            SchemaReader.Result r = SchemaReader.read(text, prepared);
            findings.addAll(new SchemaValidator(limits).validate(r.schema(), r.findings()));
            return r;
        }, () -> findings.stream().noneMatch(Finding::isError));
        if (read.schema() == null || findings.stream().anyMatch(Finding::isError)) {
            listener.agentError(SCHEMA_VALIDATOR, "invalid_schema");
            return new ValidationOutcome(read.schema(), findings, null);
        }
        Architect.Result planned = stage(STAGE_PLAN, ARCHITECT, listener, () -> architect.plan(read.schema(), prepared),
                () -> true);
        findings.addAll(planned.findings());
        findings.sort(SchemaValidator.DOCUMENT_ORDER);
        if (planned.plan() == null) {
            listener.agentError(ARCHITECT, "unsatisfiable_plan");
        }
        return new ValidationOutcome(read.schema(), findings, planned.plan());
    }

    private <T> T stage(String stage, String agent, WorkflowListener l, Supplier<T> work) {
        return stage(stage, agent, l, work, () -> true);
    }

    /** Runs one stage with its agent, reporting start, end and errors; {@code ok} judges success afterwards. */
    private <T> T stage(String stage, String agent, WorkflowListener l, Supplier<T> work, Supplier<Boolean> ok) {
        l.stageStarted(stage);
        l.agentStarted(agent);
        long t0 = System.nanoTime();
        try {
            T result = work.get();
            long dt = System.nanoTime() - t0;
            boolean success = ok.get() && !(result instanceof VerifyReport r && !r.passed())
                    && !(result instanceof Architect.Result a && a.plan() == null);
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
