package dev.backbone.cli;

import dev.backbone.server.config.ConfigurationException;
import java.io.PrintWriter;
import java.util.List;
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
            DiagramCommand.class,
            GenerateCommand.class,
            DesignCommand.class,
            ReviewCommand.class,
            ServeCommand.class,
            TokenCommand.class,
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

    private final java.io.InputStream stdin;

    BackboneCommand(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    /** What {@code -} as a schema file reads. */
    java.io.InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * Runs the chosen command inside its trace ({@link CliTracing}); {@code serve} traces its
     * requests itself, and help and version output are not traced.
     */
    private static int traced(CommandLine.ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine last = chain.get(chain.size() - 1);
        String name = last.getCommandName();
        if (chain.size() < 2 || name.equals("serve") || name.equals("help") || name.equals("version")
                || last.isUsageHelpRequested() || last.isVersionHelpRequested()) {
            return new CommandLine.RunLast().execute(parsed);
        }
        CliTracing tracing;
        try {
            tracing = CliTracing.start(name);
        } catch (ConfigurationException e) {
            last.getErr().println("backbone-ai: " + e.getMessage());
            return USAGE;
        }
        try (tracing) {
            int code = new CommandLine.RunLast().execute(parsed);
            tracing.exitCode(code);
            return code;
        }
    }

    /** Runs the CLI with the process's stdout/stderr. */
    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the CLI with the given writers (tests capture output this way). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err);
    }

    /** Runs the CLI with the given standard input and writers. */
    public static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BackboneCommand(in));
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
        cl.setExecutionStrategy(BackboneCommand::traced);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
