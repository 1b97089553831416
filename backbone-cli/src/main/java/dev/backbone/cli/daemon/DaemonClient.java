package dev.backbone.cli.daemon;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher runs for a short command when {@code BACKBONE_DAEMON} allows: sends the
 * command to this build's daemon ({@link DaemonServer}), starting one if none answers, and
 * prints what it sends back, byte for byte, exiting with the command's exit code. JDK classes
 * only, in a jar of their own ({@code backbone-ai-client.jar}): it starts in about a tenth of the
 * CLI's time; {@code -Dbackbone.daemon.classpath} names the daemon's class path.
 *
 * <p>Exit code {@value #RUN_LOCALLY} means "not run, nothing printed": the daemon is busy, could
 * not be started, or the command must run in a JVM of its own (it would ask on the terminal,
 * or start Python or Graphviz); the launcher then runs it as it always did.
 *
 * <p>{@code daemon status} and {@code daemon stop} report on and stop this checkout's daemons.
 */
public final class DaemonClient {

    /** The same number as {@code dev.backbone.cli.Invocation.RUN_LOCALLY}, which this class must not load. */
    static final int RUN_LOCALLY = 97;

    private static final long START_WAIT_MS = 5000;

    /** What the daemon process itself inherits of the environment (and LC_*). */
    private static final java.util.Set<String> DAEMON_ENV = java.util.Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ",
            "TMPDIR", "XDG_RUNTIME_DIR", "JAVA_HOME", "BACKBONE_DAEMON_IDLE", "BACKBONE_DAEMON_DIR");

    private DaemonClient() {}

    /** Whether any of the command's output was printed: from then on, a failure cannot hand the command back. */
    private static volatile boolean printed;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.getenv());
        } catch (Throwable e) {
            code = printed ? stopped() : RUN_LOCALLY;
        }
        System.exit(code);
    }

    private static int stopped() {
        System.err.println("backbone-ai: the background daemon stopped before the command ended (BACKBONE_DAEMON=off runs without it)");
        return 3;
    }

    static int run(String[] args, Map<String, String> env) throws IOException {
        if (args.length == 2 && args[0].equals("daemon")) {
            return manage(args[1], DaemonPaths.current(env));
        }
        if (args.length == 1 && args[0].equals("--training")) {
            return training(env);
        }
        boolean console = System.console() != null;
        if (!eligible(List.of(args), console)) {
            return RUN_LOCALLY;
        }
        DaemonPaths paths = DaemonPaths.current(env);
        paths.ensureDir();
        SocketChannel ch = connect(paths.socket());
        if (ch == null) {
            stopOthers(paths);
            start(paths);
            long deadline = System.nanoTime() + START_WAIT_MS * 1_000_000;
            while (ch == null && System.nanoTime() < deadline) {
                sleep(15);
                ch = connect(paths.socket());
            }
            if (ch == null) {
                return RUN_LOCALLY;
            }
        }
        try (SocketChannel open = ch) {
            return send(open, new Request(Path.of("").toAbsolutePath().toString(), List.of(args), env,
                    Boolean.getBoolean("backbone.tty.out"), Boolean.getBoolean("backbone.tty.err"), console,
                    Charset.defaultCharset().name()));
        }
    }

    /**
     * The launcher chose the command by name; what only the arguments tell: {@code generate --force}
     * without {@code --yes} may ask on the terminal, which only a process of its own can.
     */
    static boolean eligible(List<String> args, boolean console) {
        if (args.isEmpty() || !args.get(0).equals("generate") || !console) {
            return true;
        }
        boolean force = false;
        boolean yes = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            force |= a.equals("--force") || shortFlag(a, 'f');
            yes |= a.equals("--yes") || shortFlag(a, 'y');
        }
        return !force || yes;
    }

    /** Whether {@code arg} is a cluster of short options ({@code -fy}) with {@code flag} among them. */
    private static boolean shortFlag(String arg, char flag) {
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (!Character.isLetter(arg.charAt(i))) {
                return false;
            }
        }
        return arg.indexOf(flag) > 0;
    }

    /** An open connection to the daemon at {@code socket}, or null when none answers (a stale socket is removed). */
    static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;
        }
    }

    private static int send(SocketChannel ch, Request request) throws IOException {
        OutputStream toDaemon = Frames.output(ch);
        DataInputStream fromDaemon = Frames.input(ch);
        Frames.write(toDaemon, Frames.REQUEST, request.encode());
        Frames.Frame f = Frames.read(fromDaemon);
        if (f == null || f.type() != Frames.ACCEPTED) {
            return RUN_LOCALLY;
        }
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        while ((f = Frames.read(fromDaemon)) != null) {
            switch (f.type()) {
                case Frames.OUT -> {
                    out.write(f.data());
                    printed = true;
                }
                case Frames.ERR -> {
                    err.write(f.data());
                    printed = true;
                }
                case Frames.WANT_STDIN -> {
                    // sent only once the command reads it: a command the daemon hands back leaves it unread
                    Thread pump = new Thread(() -> pumpStdin(System.in, toDaemon), "stdin");
                    pump.setDaemon(true);
                    pump.start();
                }
                case Frames.EXIT -> {
                    return f.exitCode();
                }
                case Frames.LOCAL -> {
                    return printed ? 3 : RUN_LOCALLY;
                }
                default -> { }
            }
        }
        return printed ? stopped() : RUN_LOCALLY;
    }

    private static void pumpStdin(InputStream in, OutputStream toDaemon) {
        byte[] buf = new byte[1 << 16];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                Frames.write(toDaemon, Frames.STDIN, buf, 0, n);
            }
            Frames.write(toDaemon, Frames.STDIN, new byte[0]);
        } catch (IOException e) {
            // the daemon is gone; the main thread reports it
        }
    }

    /**
     * Starts this build's daemon in the background, in a session of its own (a Ctrl-C on the
     * terminal must not reach it), with the JVM options of a long-lived process, logging into
     * the daemon folder, working in it (it pins no user folder).
     */
    static void start(DaemonPaths paths) throws IOException {
        List<String> cmd = new ArrayList<>();
        for (String setsid : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (new File(setsid).canExecute()) {
                cmd.add(setsid);
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String archive = System.getProperty("backbone.daemon.archive");
        if (archive != null && new File(archive).isFile()) {
            // the launcher's archive of the same class path: the daemon ready sooner (an AOT cache on JDK 25+,
            // whose option and log tags the launcher names: JDK 17 refuses an unknown log tag)
            cmd.add(System.getProperty("backbone.daemon.archive.option", "-XX:SharedArchiveFile=") + archive);
            String quiet = System.getProperty("backbone.daemon.archive.quiet", "-Xlog:cds=off -Xlog:cds+dynamic=off");
            cmd.addAll(List.of(quiet.trim().split(" +")));
        }
        // the heap limit a JVM of its own would have (no command fails here that works there); 256 MB from
        // the start (a 40 MB heap collected 16 times per 200-table generate, ~100 ms of pauses; 256 MB 3 times),
        // given back after a larger command (DaemonServer collects then); out of memory ends the daemon, and
        // the client runs the command itself if nothing was printed yet
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xms256m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Dbackbone.tty.out=false", "-Dbackbone.tty.err=false"));
        String extra = System.getenv("BACKBONE_DAEMON_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        String build = System.getProperty("backbone.daemon.build");
        if (build != null) {
            cmd.add("-Dbackbone.daemon.build=" + build);
        }
        cmd.addAll(List.of("-cp", DaemonPaths.classPath(), "dev.backbone.cli.daemon.DaemonServer"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(paths.dir().toFile());
        // commands read each request's environment; the daemon's own keeps no API key for its lifetime
        pb.environment().keySet().removeIf(k -> !DAEMON_ENV.contains(k) && !k.startsWith("LC_"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(paths.log().toFile()));
        pb.redirectErrorStream(true);
        pb.start();
    }

    /**
     * Stops the daemons of this checkout's other builds (a rebuild leaves them behind), removes
     * dead sockets and the logs of builds without a daemon.
     */
    static void stopOthers(DaemonPaths paths) throws IOException {
        for (Path s : paths.sockets()) {
            SocketChannel ch = connect(s);
            if (ch == null) {
                Files.deleteIfExists(s);
            } else if (!s.equals(paths.socket())) {
                ask(ch, Frames.STOP);
            } else {
                ch.close();
            }
        }
        try (var logs = Files.newDirectoryStream(paths.dir(), paths.checkout() + "-*.log")) {
            for (Path log : logs) {
                String name = log.getFileName().toString();
                if (!log.equals(paths.log()) && !Files.exists(log.resolveSibling(name.substring(0, name.length() - 4) + ".sock"))) {
                    Files.deleteIfExists(log);
                }
            }
        }
    }

    private static String ask(SocketChannel ch, byte type) throws IOException {
        try (ch) {
            Frames.write(Frames.output(ch), type, new byte[0]);
            Frames.Frame f = Frames.read(Frames.input(ch));
            return f == null ? "" : f.text();
        }
    }

    private static int manage(String action, DaemonPaths paths) throws IOException {
        if (!action.equals("status") && !action.equals("stop")) {
            System.err.println("backbone-ai: daemon status | daemon stop");
            return 2;
        }
        int found = 0;
        for (Path s : paths.sockets()) {
            SocketChannel ch = connect(s);
            if (ch == null) {
                continue;
            }
            found++;
            String answer = ask(ch, action.equals("stop") ? Frames.STOP : Frames.STATUS);
            boolean current = s.equals(paths.socket());
            System.out.println(answer + (current ? "" : " [an older build]"));
        }
        if (found == 0) {
            System.out.println("no daemon running (" + paths.dir() + ")");
        }
        return 0;
    }

    /** What the launcher's class-data-sharing training runs: the classes of a request, without a daemon. */
    private static int training(Map<String, String> env) throws IOException {
        DaemonPaths paths = DaemonPaths.current(env);
        byte[] r = new Request("/", List.of("validate", "-"), env, false, false, false, Charset.defaultCharset().name()).encode();
        Request.decode(r);
        eligible(List.of("generate", "--force", "-y"), true);
        Path none = Path.of(System.getProperty("java.io.tmpdir"), "backbone-training-" + ProcessHandle.current().pid() + ".sock");
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(none)).close();
        } catch (IOException e) {
            // nothing listens there: only the classes matter
        }
        paths.sockets();
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
