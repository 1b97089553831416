package dev.backbone.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which daemon a client may talk to: the same build on the same JDK only. */
class DaemonPathsTest {

    @TempDir
    Path tmp;

    @Test
    void anotherJdkOrAnotherBuildIsAnotherDaemon() throws Exception {
        Path jar = Files.writeString(tmp.resolve("backbone-ai.jar"), "jar");
        String cp = jar + java.io.File.pathSeparator + tmp.resolve("lib/x.jar");
        String here = DaemonPaths.buildOf(cp);
        assertThat(DaemonPaths.buildOf(cp)).as("stable").isEqualTo(here);
        String home = System.getProperty("java.home");
        try {
            System.setProperty("java.home", "/usr/lib/jvm/some-other-jdk");
            assertThat(DaemonPaths.buildOf(cp)).as("another JDK").isNotEqualTo(here);
        } finally {
            System.setProperty("java.home", home);
        }
        Files.writeString(jar, "a rebuilt jar");
        assertThat(DaemonPaths.buildOf(cp)).as("another build").isNotEqualTo(here);
    }
}
