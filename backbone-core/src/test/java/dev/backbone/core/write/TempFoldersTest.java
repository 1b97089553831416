package dev.backbone.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.generate.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What killed runs leave next to the output: removed when ours by name and marker, finished when complete; errors say why. */
class TempFoldersTest {

    @Test
    void staleFoldersAreRemovedOnlyWhenOursByNameAndMarker(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path oursTmp = marked(dir.resolve(".out.tmp-" + UUID.randomUUID()), "BackBone writer: a project being built\n");
        Path oursOld = marked(dir.resolve(".out.old-" + UUID.randomUUID()), "BackBone writer: the previous project, being removed\n");
        Path unmarked = Files.createDirectory(dir.resolve(".out.tmp-" + UUID.randomUUID()));
        Files.writeString(unmarked.resolve("mine.txt"), "a user's folder that only looks like ours");
        Path badName = marked(dir.resolve(".out.tmp-backup"), "BackBone writer: a project being built\n");
        Path otherOutput = marked(dir.resolve(".other.tmp-" + UUID.randomUUID()), "BackBone writer: a project being built\n");

        ProjectWriter.write(out, List.of(new GeneratedFile("a.txt", "a\n")), false);

        assertThat(oursTmp).doesNotExist();
        assertThat(oursOld).doesNotExist();
        assertThat(unmarked.resolve("mine.txt")).exists();
        assertThat(badName).exists();
        assertThat(otherOutput).exists();
        assertThat(out.resolve("a.txt")).hasContent("a");
        assertThat(out.resolve(TempFolders.MARKER)).doesNotExist();
    }

    @Test
    void aCompleteStateLeftByAKillBetweenTheRenamesIsMovedIn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path complete = marked(dir.resolve(".out.tmp-" + UUID.randomUUID()),
                "BackBone writer: a complete project, about to replace its folder\n");
        Files.writeString(complete.resolve("b.txt"), "after\n");
        TempFolders.clean(out);
        assertThat(out.resolve("b.txt")).hasContent("after");
        assertThat(out.resolve(TempFolders.MARKER)).doesNotExist();
        assertThat(complete).doesNotExist();
    }

    @Test
    void aWriteErrorSaysWhyAboutTheOutputNotOurTemporaryFolder() {
        Path out = Path.of("/proc/backbone-test-" + UUID.randomUUID());
        assertThatThrownBy(() -> ProjectWriter.write(out, List.of(new GeneratedFile("a.txt", "a")), false))
                .isInstanceOf(WriteFailure.class)
                .hasMessageContaining("cannot write " + out)
                .hasMessageContaining("/proc does not accept new files")
                .hasMessageNotContaining(".tmp-");
    }

    private static Path marked(Path p, String marker) throws Exception {
        Files.createDirectory(p);
        Files.writeString(p.resolve(TempFolders.MARKER), marker);
        return p;
    }
}
