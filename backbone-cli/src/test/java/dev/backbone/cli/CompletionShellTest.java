package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.testsupport.Requirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The completion script in the real shells: an interactive bash and zsh on a pseudo-terminal
 * ({@code script} from util-linux) source {@code backbone-ai completion <shell>}, a partial
 * command line is typed with a TAB, and the line the shell completed is echoed back.
 */
class CompletionShellTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void tabCompletesCommandsAndOptions(String shell) throws Exception {
        Path binary = Path.of("/bin", shell);
        Requirements.require(Files.isExecutable(binary) || Files.isExecutable(Path.of("/usr/bin", shell)), shell);
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script (a pseudo-terminal)");
        CliRunner.Run completion = CliRunner.run("completion", shell);
        assertThat(completion.exit()).isZero();
        Path script = home.resolve("completion.sh");
        Files.writeString(script, completion.out());

        String command = shell.equals("zsh") ? "zsh -f -i" : "bash --norc --noprofile -i";
        ProcessBuilder pb = new ProcessBuilder("script", "-qc", command, "/dev/null").redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), screen));
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            String setup = shell.equals("zsh") ? "autoload -U compinit && compinit -u; " : "";
            type(in, setup + "source " + script + "; echo SOURCED$((40+2))\n");
            await(screen, "SOURCED42");
            // TAB completes; Ctrl-A goes to the start of the line, where "echo LINE:" makes the shell print it.
            type(in, "backbone-ai valid\t");
            Thread.sleep(300);
            type(in, "\u0001echo LINE1: \n");
            await(screen, "\nLINE1:");
            type(in, "backbone-ai generate --ou\t");
            Thread.sleep(300);
            type(in, "\u0001echo LINE2: \n");
            await(screen, "\nLINE2:");
            type(in, "exit\n");
        }
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroyForcibly();
        reader.join(2000);
        String out = screen.toString().replace("\r", "");
        assertThat(out).as(shell + " screen").contains("\nLINE1: backbone-ai validate").contains("\nLINE2: backbone-ai generate --output");
    }

    private static void type(OutputStream in, String keys) throws IOException {
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits (up to 20 s) until the screen shows {@code text}: the shell's answer, not our typing echoed. */
    private static void await(StringBuffer screen, String text) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (screen.toString().replace("\r", "").contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the shell never printed " + text.strip() + "; screen:\n" + screen);
    }

    private static void copy(InputStream from, StringBuffer to) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
