package dev.backbone.cli;

import dev.backbone.agents.Agents;
import dev.backbone.agents.reviewer.Review;
import dev.backbone.agents.reviewer.Suggestion;
import dev.backbone.core.workflow.ValidationOutcome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backbone-ai review --schema FILE}: validation, then the schema_reviewer LLM agent's suggestions. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Validates a schema, then asks an LLM (schema_reviewer agent) for design suggestions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reviewed", "1:the schema is invalid", "2:usage, configuration or provider error"})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    SchemaInput input;

    @Mixin
    ProgressOptions progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        Agents agents;
        try {
            agents = AgentsFactory.create();
        } catch (IllegalArgumentException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.CONFIGURATION, e.getMessage());
        }
        SchemaInput.Loaded in = input.validate(cl);
        if (in == null) {
            return BackboneCommand.USAGE;
        }
        Path file = in.file();
        String text = in.text();
        ValidationOutcome v = in.outcome();
        FindingPrinter.findings(cl.getOut(), file.toString(), v.findings(), BackboneCommand.terminal(cl).colour());
        if (!v.valid()) {
            cl.getOut().println(FindingPrinter.summary(file.toString(), v));
            return BackboneCommand.INVALID;
        }
        if (!agents.status().configured()) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.CONFIGURATION, agents.status().message());
        }
        Review r;
        try (Progress p = Progress.of(cl, progress)) {
            r = agents.reviewer().review(text, v, CliTracing.listener(p));
        }
        if (!r.ok()) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.PROVIDER, "review failed (" + r.errorType() + "): " + r.message());
        }
        for (Suggestion s : r.suggestions()) {
            cl.getOut().println(file + ":" + (s.path() == null || s.path().isEmpty() ? "/" : s.path()) + ": " + s.severity() + ": " + s.message());
        }
        cl.getOut().println(file + ": " + FindingPrinter.plural(r.suggestions().size(), "suggestion"));
        return BackboneCommand.OK;
    }
}
