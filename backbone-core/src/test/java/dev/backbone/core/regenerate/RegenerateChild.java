package dev.backbone.core.regenerate;

import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.verify.VerifyMode;
import dev.backbone.core.workflow.GenerateRequest;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.backbone.core.write.ProjectWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A child process that regenerates a project (args: project folder, schema file), to be killed by {@link KillDuringRegenerationTest}. */
public final class RegenerateChild {

    private RegenerateChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String text = Files.readString(Path.of(args[1]));
        GenerationOutcome g = new Workflow().generate(new GenerateRequest("schema", text, GenerateRequest.DEFAULT_TARGETS, null,
                VerifyMode.NONE, Limits.DEFAULTS, false), WorkflowListener.NONE);
        Regeneration.Prepared p = Regeneration.prepare(dir, g.files(), text, g.validation(), TemplateRenderer.packaged());
        System.out.println("written " + ProjectWriter.apply(dir, p.plan()));
    }
}
