package dev.backbone.cli.daemon;

import dev.backbone.cli.Invocation;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background daemon: a warm JVM that runs the short commands of one build for its user,
 * one at a time, so that they skip the JVM's start and warm-up (the cold start is most of a
 * validate's or a 200-table generate's time; docs/performance.md). Listens on a Unix domain
 * socket in a folder only its user can enter ({@link DaemonPaths}); a request carries the
 * client's working directory and environment, which the command reads through
 * {@link Invocation}.
 *
 * <p>A second request while one runs is answered busy (the client then runs the command
 * itself). A client that goes away (Ctrl-C) interrupts its command; a command that does not end
 * within 2 s ends the daemon (a generate writes its project into a staging folder first, so
 * nothing half-written is left in the output). The daemon exits after
 * {@code BACKBONE_DAEMON_IDLE} without a request (default 15 min; {@code 900}, {@code 90s},
 * {@code 15m}, {@code 1h}), when its build's jar changes or its socket is removed, and on
 * {@code backbone-ai daemon stop} (or a newer build's client), after the command it is running.
 * Its log names commands and exit codes, never arguments or the environment.
 */
public final class DaemonServer {

    static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
    private static final long INTERRUPT_GRACE_MS = 2000;

    private final DaemonPaths paths;
    private final Duration idle;
    private final Instant started = Instant.now();
    private final long initialHeap = Runtime.getRuntime().totalMemory();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger served = new AtomicInteger();
    private volatile long lastUsed = System.nanoTime();
    private volatile String running = "";
    private volatile boolean stopping;
    private volatile Warmup warmup;

    DaemonServer(DaemonPaths paths, Duration idle) {
        this.paths = paths;
        this.idle = idle;
    }

    public static void main(String[] args) throws Exception {
        DaemonPaths paths = DaemonPaths.current(System.getenv());
        Duration idle = idle(System.getenv("BACKBONE_DAEMON_IDLE"));
        ignoreTerminalSignals();
        new DaemonServer(paths, idle).serve();
    }

    /** {@code 900}, {@code 900s}, {@code 15m} or {@code 1h}; anything else is the default. */
    static Duration idle(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_IDLE;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            char unit = v.charAt(v.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> DEFAULT_IDLE;
            };
        } catch (NumberFormatException e) {
            log("BACKBONE_DAEMON_IDLE='" + value + "' is not a duration; using " + DEFAULT_IDLE.toSeconds() + " s");
            return DEFAULT_IDLE;
        }
    }

    /** Detached from the terminal (setsid), a Ctrl-C or a closed terminal must not end it either. */
    @SuppressWarnings("restriction")
    private static void ignoreTerminalSignals() {
        for (String s : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(s), sun.misc.SignalHandler.SIG_IGN);
            } catch (RuntimeException | LinkageError e) {
                // not on this platform: setsid still keeps the terminal's signals away
            }
        }
    }

    void serve() throws IOException {
        paths.ensureDir();
        Path socket = paths.socket();
        if (Files.exists(socket)) {
            if (DaemonClient.connect(socket) != null) {
                log("another daemon answers on " + socket + "; exiting");
                return;
            }
            Files.deleteIfExists(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Object fileKey = Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeSocket(socket, fileKey), "backbone-daemon-cleanup"));
        log("started: pid " + ProcessHandle.current().pid() + ", build " + paths.build() + ", exits after "
                + idle.toSeconds() + " s idle");
        Thread watch = new Thread(() -> watch(socket, fileKey), "backbone-daemon-watch");
        watch.setDaemon(true);
        watch.start();
        warmup = Warmup.start(() -> busy.get() ? 0 : (System.nanoTime() - lastUsed) / 1_000_000);
        while (true) {
            SocketChannel ch = server.accept();
            Thread t = new Thread(() -> connection(ch), "backbone-daemon-request");
            t.start();
        }
    }

    /** Deletes the socket if it is still this daemon's (a successor may have bound a new one). */
    private static void removeSocket(Path socket, Object fileKey) {
        try {
            if (Files.exists(socket) && java.util.Objects.equals(fileKey,
                    Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey())) {
                Files.delete(socket);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    /** Ends the daemon when idle too long, when its build's jar changed, or when its socket was removed. */
    private void watch(Path socket, Object fileKey) {
        long tick = Math.max(100, Math.min(idle.toMillis() / 4, 10_000));
        while (true) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            String reason = null;
            if (!busy.get() && System.nanoTime() - lastUsed > idle.toNanos()) {
                reason = "idle for " + idle.toSeconds() + " s";
            } else if (!busy.get() && System.getProperty("backbone.daemon.build") == null
                    && !DaemonPaths.buildOf(DaemonPaths.classPath()).equals(paths.build())) {
                reason = "its build changed";
            } else if (!Files.exists(socket)) {
                reason = "its socket was removed";
            }
            if (reason != null) {
                log("exiting: " + reason);
                System.exit(0);
            }
        }
    }

    private void connection(SocketChannel ch) {
        try (ch) {
            if (!sameUser(ch)) {
                log("refused a connection of another user");
                return;
            }
            DataInputStream in = Frames.input(ch);
            OutputStream out = Frames.output(ch);
            Frames.Frame first = Frames.read(in);
            if (first == null) {
                return;
            }
            switch (first.type()) {
                case Frames.STATUS -> Frames.writeText(out, Frames.TEXT, status());
                case Frames.STOP -> {
                    // a running command (another terminal's) ends first; new ones are answered busy
                    stopping = true;
                    if (busy.get()) {
                        Frames.writeText(out, Frames.TEXT, "stopping the daemon (pid " + ProcessHandle.current().pid()
                                + ") when its command ends");
                        log("asked to stop: exiting when the running command ends");
                    } else {
                        Frames.writeText(out, Frames.TEXT, "stopped the daemon (pid " + ProcessHandle.current().pid() + ")");
                        log("exiting: asked to stop");
                        System.exit(0);
                    }
                }
                case Frames.REQUEST -> {
                    if (stopping || !busy.compareAndSet(false, true)) {
                        Frames.write(out, Frames.BUSY, new byte[0]);
                        return;
                    }
                    try {
                        run(Request.decode(first.data()), ch, in, out);
                    } finally {
                        lastUsed = System.nanoTime();
                        running = "";
                        busy.set(false);
                        if (stopping) {
                            log("exiting: asked to stop");
                            System.exit(0);
                        }
                    }
                }
                default -> log("unknown frame " + first.type());
            }
        } catch (IOException | RuntimeException e) {
            log("request failed: " + e);
        }
    }

    /** The peer's user, where the platform says (Linux, macOS): the folder's permissions already keep others out. */
    private static boolean sameUser(SocketChannel ch) {
        try {
            return ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName()
                    .equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private String status() {
        long idleFor = Duration.ofNanos(System.nanoTime() - lastUsed).toSeconds();
        return "daemon pid " + ProcessHandle.current().pid() + ", build " + paths.build() + ", up "
                + Duration.between(started, Instant.now()).toSeconds() + " s, " + served.get() + " commands, "
                + warmup.state() + ", "
                + (busy.get() ? "running " + running : "idle for " + idleFor + " s (exits after " + idle.toSeconds() + " s)")
                + ", heap " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MiB used"
                + ", socket " + paths.socket();
    }

    private void run(Request r, SocketChannel ch, DataInputStream in, OutputStream out) throws IOException {
        // the log names the command, never an argument: anything unlike a command's name is left out
        String first = r.args().isEmpty() ? "" : r.args().get(0);
        String command = first.matches("-{0,2}[a-z]{1,20}") ? first : "(command)";
        running = command;
        Frames.write(out, Frames.ACCEPTED, new byte[0]);
        PipedOutputStream stdinFeed = r.readsStdin() ? new PipedOutputStream() : null;
        InputStream stdin = stdinFeed != null ? new AskingInput(new PipedInputStream(stdinFeed, 1 << 16), out)
                : InputStream.nullInputStream();
        Thread worker = Thread.currentThread();
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> readClient(in, stdinFeed, worker, done), "backbone-daemon-client");
        reader.setDaemon(true);
        reader.start();
        Charset charset;
        try {
            charset = Charset.forName(r.charset());
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        FrameStream o = new FrameStream(out, Frames.OUT);
        FrameStream e = new FrameStream(out, Frames.ERR);
        // as a normal run's PrintWriter(System.out, true): the client's charset, flushed at each line
        PrintWriter pout = new PrintWriter(new OutputStreamWriter(o, charset), true);
        PrintWriter perr = new PrintWriter(new OutputStreamWriter(e, charset), true);
        Invocation invocation = Invocation.remote(r.env(), Path.of(r.cwd()), r.console());
        long t0 = System.nanoTime();
        int code;
        try {
            code = invocation.execute(r.args().toArray(String[]::new), stdin, pout, perr, r.ttyOut(), r.ttyErr());
        } finally {
            done.set(true);
            pout.flush();
            perr.flush();
        }
        served.incrementAndGet();
        boolean local = invocation.runLocallyRequested();
        log(command + ": " + (local ? "to be run by the client" : "exit " + code) + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        if (local) {
            Frames.write(out, Frames.LOCAL, new byte[0]);
        } else {
            Frames.writeInt(out, Frames.EXIT, code);
        }
        Thread.interrupted();
        if (Runtime.getRuntime().totalMemory() > 2 * initialHeap) {
            // after the answer: a large command's heap goes back to the system while the daemon waits
            System.gc();
        }
    }

    /** Feeds standard input to the command; the client's end (Ctrl-C) interrupts it, and ends the daemon if it does not stop. */
    private static void readClient(DataInputStream in, PipedOutputStream stdin, Thread worker, AtomicBoolean done) {
        try {
            Frames.Frame f;
            while ((f = Frames.read(in)) != null) {
                if (f.type() == Frames.STDIN && stdin != null) {
                    if (f.data().length == 0) {
                        stdin.close();
                    } else {
                        stdin.write(f.data());
                    }
                }
            }
        } catch (IOException e) {
            // the client is gone
        }
        if (!done.get()) {
            // interrupted before its input ends: a command reading it must not take the cut for the whole input
            log("the client went away; interrupting its command");
            worker.interrupt();
        }
        try {
            if (stdin != null) {
                stdin.close();
            }
        } catch (IOException e) {
            // nobody reads it any more
        }
        if (done.get()) {
            return;
        }
        try {
            worker.join(INTERRUPT_GRACE_MS);
        } catch (InterruptedException e) {
            return;
        }
        if (!done.get()) {
            log("exiting: the interrupted command did not end within " + INTERRUPT_GRACE_MS + " ms");
            System.exit(130);
        }
    }

    static void log(String message) {
        System.err.println(Instant.now() + " backbone-ai daemon: " + message);
    }

    /** Standard input that asks the client for it when first read. */
    private static final class AskingInput extends java.io.FilterInputStream {
        private final OutputStream socket;
        private boolean asked;

        AskingInput(InputStream in, OutputStream socket) {
            super(in);
            this.socket = socket;
        }

        private void ask() throws IOException {
            if (!asked) {
                asked = true;
                Frames.write(socket, Frames.WANT_STDIN, new byte[0]);
            }
        }

        @Override
        public int read() throws IOException {
            ask();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ask();
            return super.read(b, off, len);
        }
    }

    /** One frame per flush: a line, as a normal run's auto-flushing writer writes it. */
    private static final class FrameStream extends OutputStream {
        private final OutputStream socket;
        private final byte type;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(8192);

        FrameStream(OutputStream socket, byte type) {
            this.socket = socket;
            this.type = type;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            buffer.write(b, off, len);
            if (buffer.size() >= 1 << 16) {
                flush();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (buffer.size() > 0) {
                Frames.write(socket, type, buffer.toByteArray());
                buffer.reset();
            }
        }
    }
}
