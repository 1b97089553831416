package dev.backbone.cli;

import dev.backbone.core.report.OutcomeJson;
import dev.backbone.core.workflow.ValidationOutcome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backbone-ai validate}: the schema_validator and architect, reported like a compiler. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a schema document and prints every finding (file:line:column) and the build order.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid (warnings allowed)", "1:invalid", "2:usage or I/O error"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SchemaInput input;

    @Option(names = "--json", description = "Print {status, valid, errors[], warnings[], info[], build_order[]} as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        SchemaInput.Loaded in = input.validate(cl);
        if (in == null) {
            return BackboneCommand.USAGE;
        }
        Path file = in.file();
        ValidationOutcome v = in.outcome();
        if (json) {
            cl.getOut().println(Json.write(OutcomeJson.validation(v)));
        } else {
            FindingPrinter.outcome(cl.getOut(), file.toString(), v, BackboneCommand.terminal(cl).colour());
        }
        return v.valid() ? BackboneCommand.OK : BackboneCommand.INVALID;
    }
}
