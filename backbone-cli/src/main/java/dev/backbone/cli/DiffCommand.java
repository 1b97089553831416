package dev.backbone.cli;

import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.sql.SqlDialect;
import dev.backbone.core.migrate.AlembicRenderer;
import dev.backbone.core.migrate.MigrationPlan;
import dev.backbone.core.migrate.SchemaChange;
import dev.backbone.core.migrate.SqlRenderer;
import dev.backbone.core.migrate.TextRenderer;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backbone-ai diff OLD.json NEW.json}: the migration between two schemas without a
 * project, as an Alembic revision, SQL for NEW's db_type, or text.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Prints the migration from one schema to another, as Alembic, SQL or text (no project needed); findings such as destructive steps go to standard error.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the migration is on standard output", "1:a schema is invalid", "2:usage or I/O error"})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The schema the database has now.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The schema it should have.")
    Path newFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "alembic (a revision script), sql (for NEW's db_type) or text. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--revision", paramLabel = "N", defaultValue = "2",
            description = "The revision number to write (its down revision is N-1). Default: ${DEFAULT-VALUE}.")
    int revision;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        if (!format.equals("alembic") && !format.equals("sql") && !format.equals("text")) {
            throw new CommandLine.ParameterException(cl, "unknown --format '" + format + "'; use alembic, sql or text");
        }
        if (revision < 2) {
            throw new CommandLine.ParameterException(cl, "--revision must be 2 or more (1 is the initial revision)");
        }
        ValidationOutcome a;
        ValidationOutcome b;
        try {
            boolean colour = BackboneCommand.terminal(cl).colour();
            a = validate(oldFile, out, colour);
            b = validate(newFile, out, colour);
        } catch (SchemaInput.InputException e) {
            err.println("backbone-ai: " + e.getMessage());
            return BackboneCommand.USAGE;
        }
        if (a == null || b == null) {
            return BackboneCommand.INVALID;
        }
        MigrationPlan plan = SchemaChange.between(new SchemaChange.Side(a.schema(), a.plan()),
                new SchemaChange.Side(b.schema(), b.plan()), revision);
        FindingPrinter.findings(err, Invocation.current().shown(newFile), plan.findings(), BackboneCommand.terminal(cl).errColour());
        switch (format) {
            case "alembic" -> out.print(new AlembicRenderer(plan.dbType()).render(plan));
            case "sql" -> out.print(new SqlRenderer(SqlDialect.of(plan.dbType()), TemplateRenderer.packaged()).render(plan));
            default -> out.print(TextRenderer.render(plan));
        }
        return BackboneCommand.OK;
    }

    /** The validation of a file, or null (its findings printed) when it is not valid. */
    private static ValidationOutcome validate(Path file, PrintWriter out, boolean colour) throws SchemaInput.InputException {
        ValidationOutcome v = new Workflow().validate(SchemaInput.read(file, SchemaInput.DEFAULT_MAX_SIZE), Limits.DEFAULTS,
                WorkflowListener.NONE);
        if (!v.valid() || v.plan() == null) {
            FindingPrinter.outcome(out, Invocation.current().shown(file), v, colour);
            return null;
        }
        return v;
    }
}
