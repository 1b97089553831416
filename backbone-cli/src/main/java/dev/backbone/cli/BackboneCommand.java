package dev.backbone.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Exit codes: 0 success (warnings allowed), 1 the schema or the generated code
 * is invalid, 2 usage or I/O error (missing file, unreadable file, existing output), 3 an internal
 * error (reported in one line; {@code BACKBONE_DEBUG=true} adds the stack trace).
 */
@Command(
        name = "backbone-ai",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Turns a JSON description of tables into SQLAlchemy 2.0 models and SQL DDL.",
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            GenerateCommand.class,
            DiffCommand.class,
            DesignCommand.class,
            ReviewCommand.class,
            ServeCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BackboneCommand implements Runnable {

    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the CLI with the process's stdout/stderr. */
    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the CLI with the given writers (tests capture output this way). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BackboneCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INTERNAL);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("backbone-ai: internal error: " + ex);
            if ("true".equalsIgnoreCase(System.getenv("BACKBONE_DEBUG"))) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("backbone-ai: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
