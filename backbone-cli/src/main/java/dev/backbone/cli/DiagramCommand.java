package dev.backbone.cli;

import dev.backbone.core.diagram.DotRenderer;
import dev.backbone.core.diagram.ErDiagram;
import dev.backbone.core.diagram.ErDiagrams;
import dev.backbone.core.diagram.GraphvizSvg;
import dev.backbone.core.diagram.MermaidRenderer;
import dev.backbone.core.workflow.ValidationOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backbone-ai diagram}: the entity-relationship diagram of a valid schema on standard
 * output, so it can be piped or redirected ({@code > er.svg}); findings go to standard error.
 */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Prints the ER diagram of a valid schema as Mermaid, Graphviz DOT or SVG: tables with their key "
                + "and foreign key columns, and each foreign key with its cardinality.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn", "1:the schema is invalid", "2:usage or I/O error (or no Graphviz for svg)"})
final class DiagramCommand implements Callable<Integer> {

    /** The drawing formats. */
    enum Format {
        mermaid,
        dot,
        svg
    }

    @Mixin
    SchemaInput input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default; GitHub renders it in Markdown), dot (Graphviz source) or svg (needs Graphviz's dot).")
    Format format;

    @Option(names = "--dot", paramLabel = "PROGRAM", defaultValue = "dot",
            description = "The Graphviz program for --format svg (default: dot on the PATH).")
    String dotProgram;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (format == Format.svg && Invocation.current().remote()) {
            // Graphviz should see the client's environment (its PATH)
            return Invocation.runLocally();
        }
        SchemaInput.Loaded in = input.validate(cl);
        if (in == null) {
            return BackboneCommand.USAGE;
        }
        ValidationOutcome v = in.outcome();
        String file = in.file().toString();
        if (!v.valid()) {
            FindingPrinter.findings(cl.getErr(), file, v.findings(), BackboneCommand.terminal(cl).errColour());
            cl.getErr().println(FindingPrinter.summary(file, v));
            return BackboneCommand.INVALID;
        }
        ErDiagram d = ErDiagrams.of(v.plan());
        switch (format) {
            case mermaid -> cl.getOut().print(MermaidRenderer.render(d));
            case dot -> cl.getOut().print(DotRenderer.render(d));
            case svg -> {
                try {
                    cl.getOut().print(GraphvizSvg.render(d, dotProgram));
                } catch (GraphvizSvg.GraphvizMissingException e) {
                    cl.getErr().println("backbone-ai: " + e.getMessage());
                    return BackboneCommand.USAGE;
                }
            }
        }
        cl.getOut().flush();
        return BackboneCommand.OK;
    }
}
