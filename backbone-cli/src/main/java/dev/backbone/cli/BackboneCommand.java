package dev.backbone.cli;

import dev.backbone.server.config.ConfigurationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Exit codes: 0 success (warnings allowed), 1 the schema or the generated code
 * is invalid, 2 usage or I/O error (missing file, unreadable file, existing output, a check asked
 * for that cannot run), 3 an internal error (reported in one line; {@code BACKBONE_DEBUG=true}
 * adds the stack trace).
 */
@Command(
        name = "backbone-ai",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Turns a JSON description of tables into a Python backend: SQLAlchemy 2.0 models and SQL DDL.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (warnings allowed)",
            "1:the schema or the generated code is invalid",
            "2:usage, configuration or I/O error",
            "3:internal error"})
public final class BackboneCommand implements Runnable {

    /**
     * The commands, in the order help lists them. Registered here rather than in the annotation
     * so that a run builds the model of only the command it runs (picocli reflects over every
     * registered command at start-up); help, completion and mistyped names get them all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    static {
        // picocli's default factory otherwise looks for Groovy's Closure class at start-up, and the
        // miss opens every one of the ~110 jars on the class path (about a fifth of a validate's CPU).
        System.setProperty("picocli.disable.closures", "true");
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("validate", ValidateCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("diagram", DiagramCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("design", DesignCommand::new);
        m.put("review", ReviewCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("token", TokenCommand::new);
        m.put("version", VersionCommand::new);
        m.put("completion", CompletionCommand::new);
        return m;
    }

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

    /** Where this run's output goes (set before parsing; commands read it through {@link #terminal}). */
    Terminal terminal = Terminal.PLAIN;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; the commands are "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The terminal of the run {@code cl} belongs to. */
    static Terminal terminal(CommandLine cl) {
        return cl.getCommandSpec().root().userObject() instanceof BackboneCommand b ? b.terminal : Terminal.PLAIN;
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
        return execute(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.detect());
    }

    /** Runs the CLI with the given writers (tests capture output this way); neither is a terminal. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err, Terminal.PLAIN);
    }

    /** Runs the CLI with the given standard input and writers; neither is a terminal. */
    public static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        return execute(args, in, out, err, Terminal.PLAIN);
    }

    static int execute(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err, Terminal terminal) {
        BackboneCommand root = new BackboneCommand(in);
        root.terminal = terminal;
        CommandLine cl = new CommandLine(root);
        String first = args.length > 0 ? args[0] : "";
        boolean onlyFirst = COMMANDS.containsKey(first) && !first.equals("completion");
        COMMANDS.forEach((name, command) -> {
            if (!onlyFirst || name.equals(first)) {
                cl.addSubcommand(name, command.get());
            }
        });
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        Invocation invocation = Invocation.current();
        if (invocation.remote()) {
            // after the subcommands: picocli gives a converter to the commands added so far
            cl.registerConverter(java.nio.file.Path.class, invocation::path);
            cl.registerConverter(java.io.File.class, s -> invocation.path(s).toFile());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        // -V / --version answers on every command, not only on the root.
        VersionInfo version = new VersionInfo();
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
        }
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INTERNAL);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandLine.ParameterException p) {
                return new UsageErrors().handleParseException(p, args);
            }
            Problems.fail(commandLine, INTERNAL, Problems.INTERNAL, "internal error: " + ex);
            if ("true".equalsIgnoreCase(Invocation.current().env("BACKBONE_DEBUG"))) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return INTERNAL;
        });
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionStrategy(BackboneCommand::traced);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
