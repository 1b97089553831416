package dev.backbone.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment, working directory and console a command runs with. A normal run is this
 * process's own ({@link #PROCESS}); a run in the background daemon ({@code dev.backbone.cli.daemon})
 * is its client's: the daemon's JVM cannot change its working directory or environment, so every
 * command reads them here instead of from {@code System.getenv()} or {@code user.dir}.
 *
 * <p>Relative paths a client gives resolve against the client's directory ({@link #path}), and
 * messages show them as given ({@link #shown}), so that a daemon run prints what a cold run does.
 * The daemon runs one command at a time, which is why one current invocation is enough.
 */
public final class Invocation {

    /** The exit code of a daemon run that has to be repeated as a normal run (it would ask on the terminal, or spawn tools). */
    public static final int RUN_LOCALLY = 97;

    static final Invocation PROCESS = new Invocation(null, null, false);

    private static volatile Invocation current = PROCESS;

    private final Map<String, String> env;
    private final Path cwd;
    private final boolean console;
    private final Map<Path, String> given = new ConcurrentHashMap<>();
    private volatile boolean runLocally;

    private Invocation(Map<String, String> env, Path cwd, boolean console) {
        this.env = env;
        this.cwd = cwd;
        this.console = console;
    }

    /** A client's invocation: its whole environment, its absolute working directory, whether it has a console. */
    public static Invocation remote(Map<String, String> env, Path cwd, boolean console) {
        return new Invocation(Map.copyOf(env), cwd.toAbsolutePath().normalize(), console);
    }

    static Invocation current() {
        return current;
    }

    /** Whether the command runs for a daemon's client rather than in its own process. */
    boolean remote() {
        return cwd != null;
    }

    Map<String, String> env() {
        return env != null ? env : System.getenv();
    }

    String env(String name) {
        return env != null ? env.get(name) : System.getenv(name);
    }

    /** Whether standard input and output are a terminal (what {@code System.console() != null} says in a normal run). */
    boolean console() {
        return remote() ? console : System.console() != null;
    }

    /** {@code given} as a path: in a daemon run resolved against the client's directory ({@code -} stays standard input). */
    Path path(String given) {
        Path p = Path.of(given);
        if (!remote() || p.isAbsolute() || given.equals("-")) {
            return p;
        }
        Path resolved = cwd.resolve(p);
        this.given.put(resolved, given);
        return resolved;
    }

    /** How messages name {@code p}: as the user gave it. */
    String shown(Path p) {
        return p == null ? "null" : given.getOrDefault(p, p.toString());
    }

    /**
     * This command cannot run in the daemon (it would ask on the client's terminal, or start
     * programs that should see the client's environment): the daemon answers so before printing
     * anything and the client runs it in a JVM of its own.
     */
    static int runLocally() {
        current.runLocally = true;
        return RUN_LOCALLY;
    }

    /** Whether the last {@link #execute} asked to be run locally. */
    public boolean runLocallyRequested() {
        return runLocally;
    }

    /**
     * Runs the CLI for this invocation: {@code ttyOut}/{@code ttyErr} say what the client's
     * streams are connected to, as the launcher's {@code -Dbackbone.tty.*} do for a normal run.
     */
    public int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean ttyOut, boolean ttyErr) {
        Terminal terminal = Terminal.detect(env(), String.valueOf(ttyOut), String.valueOf(ttyErr), console);
        Invocation previous = current;
        current = this;
        try {
            return BackboneCommand.execute(args, in, out, err, terminal);
        } finally {
            current = previous;
        }
    }
}
