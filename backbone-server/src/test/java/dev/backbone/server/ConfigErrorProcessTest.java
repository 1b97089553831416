package dev.backbone.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.server.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees for a bad value: one line on stderr naming the variable, nothing on stdout, exit code 1. */
class ConfigErrorProcessTest {

    @TempDir
    Path work;

    @Test
    void aBadValueInTheEnvironmentIsOneLine() throws Exception {
        Process p = ChildJvm.start(work, Map.of("API_PORT", "eighty"), work.resolve("out.txt"), work.resolve("err.txt"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(ChildJvm.read(work.resolve("err.txt")).lines().filter(l -> !l.startsWith("OpenJDK")).toList())
                .containsExactly("backbone-ai serve: invalid configuration: API_PORT='eighty' is not a port number (1-65535)");
        assertThat(ChildJvm.read(work.resolve("out.txt"))).isEmpty();
    }

    @Test
    void aBadValueInDotEnvIsOneLine() throws Exception {
        Files.writeString(work.resolve(".env"), "DEFAULT_LLM_PROVIDER=watson\n");
        Process p = ChildJvm.start(work, Map.of(), work.resolve("out.txt"), work.resolve("err.txt"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(ChildJvm.read(work.resolve("err.txt")).lines().filter(l -> !l.startsWith("OpenJDK")).toList())
                .singleElement().asString().contains("DEFAULT_LLM_PROVIDER='watson'");
        assertThat(ChildJvm.read(work.resolve("out.txt"))).isEmpty();
    }
}
