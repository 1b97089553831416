package dev.backbone.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.generate.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesEveryFileUnderTheOutput() throws Exception {
        Path out = tmp.resolve("p");
        ProjectWriter.write(out, List.of(new GeneratedFile("a/b.txt", "x"), new GeneratedFile("c.txt", "y")), false);
        assertThat(Files.readString(out.resolve("a/b.txt"))).isEqualTo("x");
        assertThat(Files.readString(out.resolve("c.txt"))).isEqualTo("y");
        assertThat(siblings()).containsExactly("p");
    }

    @Test
    void aFailureHalfwayLeavesNothingBehind() {
        Path out = tmp.resolve("p");
        // "a" as a file, then "a/b" needs "a" to be a folder: the second write fails.
        List<GeneratedFile> files = List.of(new GeneratedFile("a", "file"), new GeneratedFile("a/b", "x"));
        assertThatThrownBy(() -> ProjectWriter.write(out, files, false)).isInstanceOf(java.io.IOException.class);
        assertThat(out).doesNotExist();
        assertThat(siblings()).isEmpty();
    }

    @Test
    void aFailureWithForceKeepsTheOldProject() throws Exception {
        Path out = tmp.resolve("p");
        ProjectWriter.write(out, List.of(new GeneratedFile("old.txt", "old")), false);
        List<GeneratedFile> bad = List.of(new GeneratedFile("a", "file"), new GeneratedFile("a/b", "x"));
        assertThatThrownBy(() -> ProjectWriter.write(out, bad, true)).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(out.resolve("old.txt"))).isEqualTo("old");
        assertThat(siblings()).containsExactly("p");
    }

    @Test
    void refusesNonEmptyOutputWithoutForce() throws Exception {
        Path out = tmp.resolve("p");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mine"), "keep");
        assertThatThrownBy(() -> ProjectWriter.write(out, List.of(new GeneratedFile("x", "y")), false))
                .isInstanceOf(ProjectWriter.OutputExistsException.class)
                .hasMessageContaining("use --force");
        assertThat(Files.readString(out.resolve("mine"))).isEqualTo("keep");
        assertThat(out.resolve("x")).doesNotExist();
    }

    @Test
    void anEmptyExistingFolderIsFine() throws Exception {
        Path out = tmp.resolve("p");
        Files.createDirectories(out);
        ProjectWriter.write(out, List.of(new GeneratedFile("x", "y")), false);
        assertThat(Files.readString(out.resolve("x"))).isEqualTo("y");
    }

    @Test
    void generatedPathsCannotEscape() {
        assertThatThrownBy(() -> new GeneratedFile("../evil", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratedFile("/etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> siblings() {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
