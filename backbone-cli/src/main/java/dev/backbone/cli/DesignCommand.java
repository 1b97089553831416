package dev.backbone.cli;

import dev.backbone.agents.Agents;
import dev.backbone.agents.designer.Design;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backbone-ai design "a blog with users and posts" -o schema.json}: the schema_designer
 * LLM agent drafts a document and repairs it against the validator's findings. Needs a
 * configured provider ({@code DEFAULT_LLM_PROVIDER} and its key); nothing else in the CLI calls an LLM.
 */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = "Drafts a schema document from a description with an LLM (schema_designer agent), "
                + "repairing it against the validator's findings until it is valid or AGENT_MAX_RETRIES runs out.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the draft is valid", "1:the draft is still invalid", "2:usage, configuration or provider error"})
final class DesignCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "What the project's tables are about.")
    String description;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema here (default: print it).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Replace an existing output file.")
    boolean force;

    @CommandLine.Mixin
    ProgressOptions progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (output != null && Files.exists(output) && !force) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.OUTPUT, output + " exists; use --force to replace it");
        }
        Agents agents;
        try {
            agents = AgentsFactory.create();
        } catch (IllegalArgumentException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.CONFIGURATION, e.getMessage());
        }
        if (!agents.status().configured()) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.CONFIGURATION, agents.status().message());
        }
        Design d;
        try (Progress p = Progress.of(cl, progress)) {
            d = agents.designer().design(description, CliTracing.listener(p));
        }
        if (d.schemaText() == null) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.PROVIDER, "the LLM gave no schema (" + d.errorType() + "): " + d.message());
        }
        String where = output == null ? "design" : output.toString();
        if (d.outcome() != null) {
            FindingPrinter.findings(cl.getErr(), where, d.outcome().findings(), BackboneCommand.terminal(cl).errColour());
        }
        try {
            if (output == null) {
                cl.getOut().println(d.schemaText());
            } else {
                Files.writeString(output, d.schemaText() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return Problems.fail(cl, BackboneCommand.USAGE, Problems.OUTPUT, "cannot write " + output + ": " + e.getMessage());
        }
        cl.getErr().println(where + ": " + (d.valid() ? "valid" : "invalid") + " after " + FindingPrinter.plural(d.attempts(), "attempt"));
        return d.valid() ? BackboneCommand.OK : BackboneCommand.INVALID;
    }
}
