package dev.backbone.cli;

import dev.backbone.core.plan.DeferredForeignKey;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.report.OutcomeJson;
import dev.backbone.core.workflow.ValidationOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backbone-ai plan}: the architect's plan (build order, deferred foreign keys, per-table summary). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Prints the architecture plan of a valid schema: build order, deferred foreign keys, "
                + "and per table its class, module, columns, dependencies, relationships and mixins.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the schema is valid and planned", "1:the schema is invalid", "2:usage or I/O error"})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    SchemaInput input;

    @Option(names = "--json", description = "Print the plan (and the findings) as JSON.")
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
            Map<String, Object> m = new LinkedHashMap<>(OutcomeJson.validation(v));
            m.put("plan", v.plan() == null ? null : OutcomeJson.plan(v.plan()));
            cl.getOut().println(Json.write(m));
        } else {
            FindingPrinter.findings(cl.getOut(), file.toString(), v.findings(), BackboneCommand.terminal(cl).colour());
            if (v.valid()) {
                print(cl.getOut(), v.plan());
            }
            cl.getOut().println(FindingPrinter.summary(file.toString(), v));
        }
        return v.valid() ? BackboneCommand.OK : BackboneCommand.INVALID;
    }

    private static void print(PrintWriter out, Plan p) {
        out.println("project " + p.projectName() + " (" + p.dbType().wire() + ")");
        out.println("build order: " + String.join(" -> ", p.buildOrder()));
        for (DeferredForeignKey d : p.deferred()) {
            out.println("deferred foreign key: " + d.table() + "." + d.column() + " -> " + d.targetTable() + "."
                    + d.targetColumn() + " (" + d.constraintName() + ", added after the tables)");
        }
        int i = 1;
        for (PlannedTable t : p.tables()) {
            out.printf("%3d. %-24s %-20s %2d columns  depends on: %s%n", i++, t.tableName(), t.className(),
                    t.columns().size(), t.dependsOn().isEmpty() ? "-" : String.join(", ", t.dependsOn()));
            t.relationships().forEach(r -> out.println("       " + r.attribute() + " -> " + r.targetClass() + " ("
                    + r.type().wire() + (r.backPopulates() != null ? ", back_populates " + r.backPopulates() : "") + ")"));
        }
        p.associations().forEach(a -> out.println("association table " + a.name() + " (" + a.left().table() + " <-> "
                + a.right().table() + ")"));
    }
}
