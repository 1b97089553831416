package dev.backbone.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon for real: a client process talks to a daemon process it started (both on this
 * module's test class path), in a temporary daemon folder, from a working directory that is not
 * the daemon's; what it prints is compared with a cold run of the CLI in its own JVM.
 */
class DaemonTest {

    @TempDir
    Path tmp;

    private Path work;
    private Path daemonDir;
    private String build;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        daemonDir = tmp.resolve("d");
        build = "test" + ProcessHandle.current().pid() + Long.toHexString(System.nanoTime());
        Files.copy(dev.backbone.cli.CliRunner.root().resolve("examples/blog_schema.json"), work.resolve("blog.json"));
    }

    @AfterEach
    void stopDaemons() throws Exception {
        client(Map.of(), null, build, "daemon", "stop");
    }

    @Test
    void validateAndGenerateThroughTheDaemonPrintAndWriteWhatAColdRunDoes() throws Exception {
        Run warm = client("validate", "blog.json", "--json");
        Run cold = cold(Map.of(), null, "validate", "blog.json", "--json");
        assertThat(warm.exit()).isZero();
        assertThat(warm.out()).isEqualTo(cold.out()).contains("\"valid\" : true");
        assertThat(warm.err()).isEqualTo(cold.err());
        assertThat(log()).contains("validate: exit 0");

        Run g = client("generate", "--schema", "blog.json", "--output", "out/warm");
        Run c = cold(Map.of(), null, "generate", "--schema", "blog.json", "--output", "out/cold");
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out()).isEqualTo(c.out().replace("out/cold", "out/warm")).contains(" into out/warm ");
        assertThat(tree(work.resolve("out/warm"))).isEqualTo(tree(work.resolve("out/cold"))).isNotEmpty();
        assertThat(log()).contains("generate: exit 0").doesNotContain("blog.json", "out/warm");
    }

    @Test
    void eachRequestHasItsOwnEnvironment() throws Exception {
        Run coloured = client(Map.of("TERM", "xterm"), null, build, "-Dbackbone.tty.out=true", "validate", "--help");
        Run plain = client(Map.of("TERM", "xterm", "NO_COLOR", "1"), null, build, "-Dbackbone.tty.out=true", "validate", "--help");
        assertThat(coloured.out()).contains("\u001b[");
        assertThat(plain.out()).doesNotContain("\u001b[").contains("Usage:");

        Run missing = client(Map.of("TEMPLATE_DIR", "no-such-templates"), null, build, "generate", "--schema", "blog.json",
                "--output", "out/t", "--verify", "none");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("template folder not found: no-such-templates");
        Files.createDirectories(work.resolve("templates"));
        Run found = client(Map.of("TEMPLATE_DIR", "templates"), null, build, "generate", "--schema", "blog.json",
                "--output", "out/t", "--verify", "none");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(work.resolve("out/t/schema.sql")).exists();
    }

    @Test
    void standardInputAndExitCodes() throws Exception {
        String schema = Files.readString(work.resolve("blog.json"));
        Run stdin = client(Map.of(), schema, build, "validate", "-");
        assertThat(stdin.exit()).isZero();
        assertThat(stdin.out()).isEqualTo(cold(Map.of(), schema, "validate", "-").out()).contains("<stdin>");

        Files.writeString(work.resolve("bad.json"), schema.replace("\"users\"", "\"Bad Name!\""));
        Run invalid = client("validate", "bad.json");
        Run invalidCold = cold(Map.of(), null, "validate", "bad.json");
        assertThat(invalid.exit()).isEqualTo(invalidCold.exit()).isEqualTo(1);
        assertThat(invalid.err()).isEqualTo(invalidCold.err());

        Run usage = client("validate", "--bogus");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("unknown option '--bogus'");
        assertThat(client("validate", "missing.json").err()).contains("cannot read missing.json: no such file");

        Run secret = client("sk-not-a-command-0123456789");
        assertThat(secret.exit()).isEqualTo(2);
        assertThat(log()).contains("(command): exit 2").doesNotContain("sk-not-a-command");
    }

    /** Python and Graphviz should see the client's environment: such commands run in a JVM of their own. */
    @Test
    void commandsThatStartProgramsAreHandedBackUnrun() throws Exception {
        Run svg = client("diagram", "blog.json", "--format", "svg");
        assertThat(svg.exit()).isEqualTo(DaemonClient.RUN_LOCALLY);
        assertThat(svg.out() + svg.err()).isEmpty();
        Run full = client("generate", "--schema", "blog.json", "-o", "out/full", "--verify", "full");
        assertThat(full.exit()).isEqualTo(DaemonClient.RUN_LOCALLY);
        assertThat(full.out() + full.err()).isEmpty();
        assertThat(work.resolve("out/full")).doesNotExist();
        assertThat(log()).contains("diagram: to be run by the client", "generate: to be run by the client");
    }

    @Test
    void aBusyDaemonHandsTheCommandBack() throws Exception {
        client("validate", "blog.json");
        // a command that waits for its standard input keeps the daemon busy
        Process waiting = clientProcess(Map.of(), build, List.of(), "validate", "-");
        awaitLog("validate", 2);
        Run second = client("validate", "blog.json");
        assertThat(second.exit()).isEqualTo(DaemonClient.RUN_LOCALLY);
        assertThat(second.out() + second.err()).isEmpty();
        waiting.getOutputStream().write(Files.readAllBytes(work.resolve("blog.json")));
        waiting.getOutputStream().close();
        assertThat(waiting.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.exitValue()).isZero();
        assertThat(client("validate", "blog.json").exit()).isZero();
    }

    @Test
    void aStopWaitsForTheRunningCommand() throws Exception {
        client("validate", "blog.json");
        Process waiting = clientProcess(Map.of(), build, List.of(), "validate", "-");
        awaitLog("validate", 2);
        assertThat(client(Map.of(), null, build, "daemon", "stop").out()).contains("when its command ends");
        assertThat(client("validate", "blog.json").exit()).as("meanwhile run without it").isEqualTo(DaemonClient.RUN_LOCALLY);
        Run finished = finish(waiting, Files.readString(work.resolve("blog.json")));
        assertThat(finished.exit()).isZero();
        assertThat(finished.out()).contains("<stdin>: valid");
        awaitGone(socket(build));
    }

    @Test
    void aClientThatGoesAwayInterruptsItsCommandAndTheDaemonCarriesOn() throws Exception {
        client("validate", "blog.json");
        Process waiting = clientProcess(Map.of(), build, List.of(), "validate", "-");
        awaitLog("validate", 2);
        // as a Ctrl-C: the process ends, its standard input stays open (Process.destroy would close it first)
        waiting.toHandle().destroy();
        waiting.waitFor(10, TimeUnit.SECONDS);
        awaitLog("the client went away", 1);
        Run next = client("validate", "blog.json");
        assertThat(next.exit()).isZero();
        assertThat(log()).doesNotContain("exiting");
    }

    @Test
    void aNewBuildStopsTheOldBuildsDaemon() throws Exception {
        String old = build;
        client("validate", "blog.json");
        Path oldSocket = socket(old);
        assertThat(oldSocket).exists();
        build = old + "b";
        Run r = client("validate", "blog.json");
        assertThat(r.exit()).isZero();
        assertThat(socket(build)).exists();
        awaitGone(oldSocket);
    }

    @Test
    void anIdleDaemonExits() throws Exception {
        client(Map.of("BACKBONE_DAEMON_IDLE", "1s"), null, build, "validate", "blog.json");
        Path socket = socket(build);
        assertThat(socket).exists();
        awaitGone(socket);
        assertThat(log()).contains("exiting: idle for 1 s");
    }

    @Test
    void theDaemonFolderIsTheUsersAlone() throws Exception {
        Files.createDirectories(daemonDir);
        Files.setPosixFilePermissions(daemonDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        client("validate", "blog.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemonDir))).isEqualTo("rwx------");
        Run status = client(Map.of(), null, build, "daemon", "status");
        assertThat(status.out()).contains("daemon pid ", "1 commands", "idle for");
    }

    @Test
    void aNewDaemonWarmsUpWhileIdleAndSaysSo() throws Exception {
        Map<String, String> env = Map.of("BACKBONE_DAEMON_OPTS", "-Dbackbone.daemon.warmup.rounds=2 -Dbackbone.daemon.warmup.tables=3");
        assertThat(client(env, null, build, "validate", "blog.json").exit()).isZero();
        awaitLog("warmed up: 2 in-memory generates of 3 tables", 1);
        assertThat(status()).contains("1 commands, warm, idle for");
        assertThat(work.resolve("out")).as("the warm-up writes nothing").doesNotExist();
    }

    @Test
    void durationsAndEligibility() {
        assertThat(DaemonServer.idle(null)).isEqualTo(DaemonServer.DEFAULT_IDLE);
        assertThat(DaemonServer.idle("90")).hasSeconds(90);
        assertThat(DaemonServer.idle("30s")).hasSeconds(30);
        assertThat(DaemonServer.idle("15m")).hasMinutes(15);
        assertThat(DaemonServer.idle("2h")).hasHours(2);
        assertThat(DaemonServer.idle("soon")).isEqualTo(DaemonServer.DEFAULT_IDLE);
        assertThat(DaemonClient.eligible(List.of("generate", "-s", "x", "--force"), true)).as("would ask").isFalse();
        assertThat(DaemonClient.eligible(List.of("generate", "-s", "x", "-f"), true)).isFalse();
        assertThat(DaemonClient.eligible(List.of("generate", "-s", "x", "-fy"), true)).isTrue();
        assertThat(DaemonClient.eligible(List.of("generate", "-s", "x", "--force", "--yes"), true)).isTrue();
        assertThat(DaemonClient.eligible(List.of("generate", "-s", "x", "--force"), false)).as("no terminal: refuses, as a cold run").isTrue();
        assertThat(DaemonClient.eligible(List.of("diagram", "-f", "dot", "x"), true)).isTrue();
    }

    private Path socket(String b) {
        return daemonDir.resolve(DaemonPaths.hash(System.getProperty("java.class.path")) + "-" + b + ".sock");
    }

    private String log() throws IOException {
        Path log = daemonDir.resolve(socket(build).getFileName().toString().replace(".sock", ".log"));
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitLog(String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String l = log();
            int n = 0;
            for (int i = l.indexOf(text); i >= 0; i = l.indexOf(text, i + 1)) {
                n++;
            }
            // "validate" appears once per finished command; the running one shows in the status
            if (n >= times || (text.equals("validate") && status().contains("running validate"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the daemon's log:\n" + log());
    }

    private String status() throws Exception {
        return client(Map.of(), null, build, "daemon", "status").out();
    }

    private static void awaitGone(Path p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(p) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p).doesNotExist();
    }

    private Run client(String... args) throws Exception {
        return client(Map.of(), null, build, args);
    }

    /** Runs the client; arguments starting with -D before the command are JVM options. */
    private Run client(Map<String, String> env, String stdin, String buildId, String... args) throws Exception {
        List<String> jvm = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-D") && rest.isEmpty() ? jvm : rest).add(a);
        }
        Process p = clientProcess(env, buildId, jvm, rest.toArray(String[]::new));
        return finish(p, stdin);
    }

    private Process clientProcess(Map<String, String> env, String buildId, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dbackbone.daemon.build=" + buildId));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DaemonClient.class.getName()));
        cmd.addAll(List.of(args));
        return start(cmd, env);
    }

    /** The CLI in a JVM of its own, as the launcher runs it without the daemon. */
    private Run cold(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dbackbone.tty.out=false", "-Dbackbone.tty.err=false", "-cp", System.getProperty("java.class.path"),
                "dev.backbone.cli.Main"));
        cmd.addAll(List.of(args));
        return finish(start(cmd, env), stdin);
    }

    private Process start(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("BACKBONE_") || k.equals("NO_COLOR") || k.equals("TEMPLATE_DIR")
                || k.startsWith("OTEL_") || k.startsWith("LANGCHAIN_"));
        e.put("BACKBONE_DAEMON_DIR", daemonDir.toString());
        // no JIT warm-up in the background of every test's daemon (one test has its own)
        e.put("BACKBONE_DAEMON_OPTS", "-Dbackbone.daemon.warmup.rounds=0");
        e.putAll(new HashMap<>(env));
        return pb.start();
    }

    private static Run finish(Process p, String stdin) throws Exception {
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err.get());
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
