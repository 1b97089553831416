package dev.backbone.cli;

import dev.backbone.agents.Agents;
import dev.backbone.agents.reviewer.Review;
import dev.backbone.agents.reviewer.Suggestion;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backbone-ai review --schema FILE}: validation, then the schema_reviewer LLM agent's suggestions. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Validates a schema, then asks an LLM (schema_reviewer agent) for design suggestions.",
            "Exit code 0 when reviewed, 1 when the schema is invalid, 2 for usage, configuration or provider errors."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    SchemaInput input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Agents agents;
        try {
            agents = AgentsFactory.create();
        } catch (IllegalArgumentException e) {
            cl.getErr().println("backbone-ai: " + e.getMessage());
            return BackboneCommand.USAGE;
        }
        SchemaInput.Loaded in = input.validate(cl);
        if (in == null) {
            return BackboneCommand.USAGE;
        }
        Path file = in.file();
        String text = in.text();
        ValidationOutcome v = in.outcome();
        FindingPrinter.findings(cl.getOut(), file.toString(), v.findings());
        if (!v.valid()) {
            cl.getOut().println(FindingPrinter.summary(file.toString(), v));
            return BackboneCommand.INVALID;
        }
        if (!agents.status().configured()) {
            cl.getErr().println("backbone-ai: " + agents.status().message());
            return BackboneCommand.USAGE;
        }
        Review r = agents.reviewer().review(text, v, CliTracing.listener(WorkflowListener.NONE));
        if (!r.ok()) {
            cl.getErr().println("backbone-ai: review failed (" + r.errorType() + "): " + r.message());
            return BackboneCommand.USAGE;
        }
        for (Suggestion s : r.suggestions()) {
            cl.getOut().println(file + ":" + (s.path() == null || s.path().isEmpty() ? "/" : s.path()) + ": " + s.severity() + ": " + s.message());
        }
        cl.getOut().println(file + ": " + FindingPrinter.plural(r.suggestions().size(), "suggestion"));
        return BackboneCommand.OK;
    }
}
