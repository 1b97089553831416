package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's decisions (what it prepares, with which JVM options), run for real by
 * bash in a copy of the project's layout. The executable jar is built only after this module's
 * tests, so {@code JAVA_HOME} points at a recording java that does what the launcher asks of
 * it (extracts a folder, writes an archive) and logs its arguments; bench/e2e.sh runs the
 * launcher with the real JVM and jar.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path log;

    @BeforeEach
    void layout() throws Exception {
        root = tmp.resolve("project");
        Files.createDirectories(root.resolve("backbone-cli/target"));
        Files.createDirectories(root.resolve("examples"));
        Files.copy(CliRunner.root().resolve("backbone-ai"), root.resolve("backbone-ai"));
        Files.writeString(root.resolve("backbone-cli/target/backbone-ai.jar"), "jar");
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        log = tmp.resolve("java.log");
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$*" >> "$JAVA_LOG"
                for a in "$@"; do
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*) echo archive > "${a#-XX:ArchiveClassesAtExit=}" ;;
                    -XX:AOTCacheOutput=*) echo cache > "${a#-XX:AOTCacheOutput=}" ;;
                  esac
                done
                if [ "$1" = "-Djarmode=tools" ]; then mkdir -p "$6/lib"; echo jar > "$6/backbone-ai.jar"; fi
                case "$*" in *DaemonClient*--training) exit 0 ;; *DaemonClient*) echo "client"; exit "${CLIENT_EXIT:-0}" ;; esac
                echo "ran"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstBuildShowsEachModuleOnATerminalAndNothingWhenPiped() throws Exception {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script (a pseudo-terminal)");
        Path jar = root.resolve("backbone-cli/target/backbone-ai.jar");
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/usr/bin/env bash
                echo "[INFO] Scanning for projects..."
                echo "[INFO] Building BackBone Core 0.1.0                                   [1/2]"
                echo "[INFO] Building BackBone CLI 0.1.0                                    [2/2]"
                echo jar > backbone-cli/target/backbone-ai.jar
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(jar);
        String piped = launch("version");
        assertThat(piped).isEqualTo("ran\n");
        Files.delete(jar);
        String line = "JAVA_HOME='" + tmp.resolve("jdk") + "' JAVA_LOG='" + log + "' bash '" + root.resolve("backbone-ai") + "' version";
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
        String shown = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shown).contains("backbone-ai: building (first run or sources changed",
                "backbone-ai: building BackBone Core (module 1 of 2, ", "backbone-ai: building BackBone CLI (module 2 of 2, ",
                "backbone-ai: built in ", "ran");
    }

    private String launch(String... args) throws Exception {
        return launch(java.util.Map.of(), args);
    }

    /** Runs the launcher with {@code env} on top of this process's environment, without its daemon and CI settings. */
    private String launch(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", root.resolve("backbone-ai").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().keySet().removeAll(List.of("CI", "BACKBONE_DAEMON", "BACKBONE_JAVA_OPTS"));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("JAVA_LOG", log.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private List<String> calls() throws Exception {
        List<String> l = Files.readAllLines(log);
        Files.delete(log);
        return l;
    }

    /**
     * Maven keeps a jar whose own classes did not change, even when a module nested in it did:
     * the launcher must not take that jar for a new build.
     */
    @Test
    void aChangedModuleRebuildsTheJarThatNestsIt() throws Exception {
        Path jar = root.resolve("backbone-cli/target/backbone-ai.jar");
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/usr/bin/env bash
                [ -f backbone-cli/target/backbone-ai.jar ] || echo rebuilt > backbone-cli/target/backbone-ai.jar
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path source = Files.createDirectories(root.resolve("backbone-server/src/main/java")).resolve("Changed.java");
        Files.writeString(source, "class Changed {}");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(launch("version")).isEqualTo("ran\n");
        assertThat(Files.readString(jar)).isEqualTo("rebuilt\n");
    }

    @Test
    void serveHelpPreparesNothing() throws Exception {
        assertThat(launch("serve", "--help")).isEqualTo("ran\n");
        List<String> calls = calls();
        assertThat(calls).noneMatch(c -> c.contains("ArchiveClassesAtExit") || c.contains("spring.context.exit"));
        assertThat(calls.get(calls.size() - 1)).endsWith("-jar " + root.resolve("backbone-cli/target/app/backbone-ai.jar") + " serve --help");
        assertThat(root.resolve("backbone-cli/target/app/serve.jsa")).doesNotExist();
    }

    @Test
    void serveTrainsOnceThenStartsWithTheArchive() throws Exception {
        Path app = root.resolve("backbone-cli/target/app");
        assertThat(launch("serve", "--port", "9999")).isEqualTo("ran\n");
        List<String> first = calls();
        assertThat(first).anyMatch(c -> c.startsWith("-Djarmode=tools -jar ") && c.contains(" extract --destination "));
        assertThat(first).anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit=") && c.contains("-Dspring.context.exit=onRefresh")
                && c.endsWith(app.resolve("backbone-ai.jar") + " serve"));
        assertThat(first.get(first.size() - 1)).contains("-XX:SharedArchiveFile=" + app.resolve("serve.jsa"))
                .endsWith(" serve --port 9999");
        launch("serve", "--port", "9999");
        assertThat(calls()).hasSize(1).allMatch(c -> c.contains("-XX:SharedArchiveFile=" + app.resolve("serve.jsa")));
    }

    @Test
    void shortCommandsRunFromTheExtractedJarWithTheirArchiveAndArePlainWhenPiped() throws Exception {
        Path app = root.resolve("backbone-cli/target/app");
        assertThat(launch("validate", "x.json")).as("nothing of the launcher's own when piped").isEqualTo("ran\n");
        List<String> first = calls();
        assertThat(first).anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit=") && c.contains("dev.backbone.cli.CdsTraining"));
        String run = first.get(first.size() - 1);
        assertThat(run).contains("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + app.resolve("cli.jsa"),
                "-Dbackbone.tty.out=false", "-Dbackbone.tty.err=false").endsWith("-jar " + app.resolve("backbone-ai.jar") + " validate x.json");
        launch("validate", "x.json");
        assertThat(calls()).as("prepared once per build").hasSize(1);
        // a new build (a newer jar) prepares again
        Files.setLastModifiedTime(root.resolve("backbone-cli/target/backbone-ai.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        launch("version");
        assertThat(calls()).anyMatch(c -> c.contains("extract")).anyMatch(c -> c.contains("CdsTraining"));
    }

    @Test
    void aJdkWithAnAotCacheGetsOneNamedByItsVersionAndOlderJdksAnArchiveNamedByTheirs() throws Exception {
        Path app = root.resolve("backbone-cli/target/app");
        Files.writeString(tmp.resolve("jdk/release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertThat(launch("validate", "x.json")).isEqualTo("ran\n");
        List<String> first = calls();
        assertThat(first).anyMatch(c -> c.contains("-XX:AOTCacheOutput=") && c.contains("dev.backbone.cli.CdsTraining"))
                .noneMatch(c -> c.contains("ArchiveClassesAtExit"));
        assertThat(first.get(first.size() - 1)).contains("-XX:AOTCache=" + app.resolve("cli-25.0.3.aot"), "-Xlog:aot=off")
                .doesNotContain("SharedArchiveFile").endsWith("-jar " + app.resolve("backbone-ai.jar") + " validate x.json");
        assertThat(app.resolve("cli-25.0.3.aot")).exists();
        launch("serve", "--port", "9999");
        assertThat(calls()).anyMatch(c -> c.contains("-XX:AOTCacheOutput=") && c.contains("-Dspring.context.exit=onRefresh"))
                .last().asString().contains("-XX:AOTCache=" + app.resolve("serve-25.0.3.aot")).endsWith(" serve --port 9999");

        // the same checkout under a JDK 17: its own archive, by its own name, beside the cache
        Files.writeString(tmp.resolve("jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");
        launch("validate", "x.json");
        assertThat(calls()).anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit=") && c.contains("CdsTraining"))
                .last().asString().contains("-XX:SharedArchiveFile=" + app.resolve("cli-17.0.15.jsa"), "-Xlog:cds=off")
                .doesNotContain("AOTCache");
        assertThat(app.resolve("cli-25.0.3.aot")).exists();
    }

    /** The background daemon (BACKBONE_DAEMON): its client jar is built with the executable jar. */
    private Path clientJar() throws Exception {
        Path jar = root.resolve("backbone-cli/target/backbone-ai-client.jar");
        Files.writeString(jar, "client");
        return jar;
    }

    @Test
    void shortCommandsGoToTheDaemonsClientByDefaultAndNothingElseRuns() throws Exception {
        Path client = clientJar();
        Path app = root.resolve("backbone-cli/target/app");
        assertThat(launch("validate", "x.json")).isEqualTo("client\n");
        String last = calls().stream().filter(c -> !c.contains("--training") && !c.contains("ArchiveClassesAtExit")
                && !c.contains("-Djarmode")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("-Xint", "-Dbackbone.tty.out=false",
                "-Dbackbone.daemon.classpath=" + app.resolve("backbone-ai.jar"), "-cp " + client)
                .endsWith("dev.backbone.cli.daemon.DaemonClient validate x.json");
        launch("generate", "--schema", "s.json", "-o", "out");
        assertThat(calls()).as("the client's archive made once per build, then only the client runs").hasSize(1)
                .allMatch(c -> c.contains("-XX:SharedArchiveFile=" + app.resolve("client.jsa")) && c.contains("DaemonClient generate"));
    }

    @Test
    void whatTheDaemonDidNotRunRunsAsWithoutIt() throws Exception {
        clientJar();
        launch("validate", "x.json");
        calls();
        assertThat(launch(java.util.Map.of("CLIENT_EXIT", "97"), "validate", "x.json")).isEqualTo("client\nran\n");
        List<String> calls = calls();
        assertThat(calls.get(0)).contains("DaemonClient validate x.json");
        assertThat(calls.get(calls.size() - 1)).contains("-XX:SharedArchiveFile=").endsWith("-jar " + root.resolve("backbone-cli/target/app/backbone-ai.jar")
                + " validate x.json");
    }

    @Test
    void theClientsExitCodeIsTheCommands() throws Exception {
        clientJar();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("backbone-ai").toString(), "validate", "bad.json")
                .directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeAll(List.of("CI", "BACKBONE_DAEMON", "BACKBONE_JAVA_OPTS"));
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("JAVA_LOG", log.toString());
        pb.environment().put("CLIENT_EXIT", "1");
        Process q = pb.start();
        assertThat(new String(q.getInputStream().readAllBytes())).isEqualTo("client\n");
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(1);
    }

    @Test
    void offInCiServeAndOtherCommandsRunWithoutTheDaemon() throws Exception {
        clientJar();
        assertThat(launch(java.util.Map.of("BACKBONE_DAEMON", "off"), "validate", "x.json")).isEqualTo("ran\n");
        assertThat(launch(java.util.Map.of("CI", "true"), "validate", "x.json")).isEqualTo("ran\n");
        assertThat(launch(java.util.Map.of("BACKBONE_JAVA_OPTS", "-Dx=y"), "validate", "x.json")).as("options of its own").isEqualTo("ran\n");
        assertThat(launch("design", "x")).isEqualTo("ran\n");
        assertThat(launch("token", "create")).isEqualTo("ran\n");
        assertThat(calls()).noneMatch(c -> c.contains("DaemonClient"));
        assertThat(launch("--help")).as("help and version are short too").isEqualTo("client\n");
        assertThat(launch(java.util.Map.of("CI", "true", "BACKBONE_DAEMON", "on"), "validate", "x.json")).isEqualTo("client\n");
    }

    @Test
    void daemonStatusAndStopGoToTheClient() throws Exception {
        clientJar();
        assertThat(launch("daemon", "status")).isEqualTo("client\n");
        assertThat(calls()).anyMatch(c -> c.endsWith("DaemonClient daemon status"));
        assertThat(launch(java.util.Map.of("BACKBONE_DAEMON", "off"), "daemon", "stop")).isEqualTo("client\n");
    }
}
