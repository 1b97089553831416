package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backbone.server.config.ConfigurationException;
import dev.backbone.server.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 30 {@code .env} lines read by {@code serve}'s path ({@link SettingsLoader#variables})
 * and by {@code design}'s and {@code review}'s ({@link AgentsFactory#variables}): each gives
 * the value in the table, and each malformed line stops both with the same one line.
 */
class DotEnvConformanceTest {

    /** A line of the table: what is written, the name it sets (null: none) and its value. */
    private record Row(String line, String name, String value) {}

    private static final List<Row> VALID = List.of(
            new Row("A=plain", "A", "plain"),
            new Row("B = spaced ", "B", "spaced"),
            new Row("export C=exported", "C", "exported"),
            new Row("D='q' # c", "D", "q"),
            new Row("E=\"a\\\"b\"", "E", "a\"b"),
            new Row("F=value # comment", "F", "value"),
            new Row("G=value#kept", "G", "value#kept"),
            new Row("H=", "H", ""),
            new Row("I=\"\"", "I", ""),
            new Row("J=''", "J", ""),
            new Row("K='single # kept'", "K", "single # kept"),
            new Row("L=\"double # kept\" # and a comment", "L", "double # kept"),
            new Row("M=\"tab\\there\"", "M", "tab\there"),
            new Row("N=\"new\\nline\"", "N", "new\nline"),
            new Row("O='no \\n escape'", "O", "no \\n escape"),
            new Row("P='it\\'s'", "P", "it's"),
            new Row("Q=\"back\\\\slash\"", "Q", "back\\slash"),
            new Row("R=\"keep \\q\"", "R", "keep \\q"),
            new Row("S=$HOME/x", "S", "$HOME/x"),
            new Row("T=\"\\$HOME\"", "T", "$HOME"),
            new Row("U=a=b=c", "U", "a=b=c"),
            new Row("   V.W = dotted", "V.W", "dotted"),
            new Row("  # an indented comment", null, null),
            new Row("", null, null),
            new Row("X=1", null, null),
            new Row("X=2", "X", "2"));

    /** Malformed lines and the error each gives after the valid lines (the file's name and line go before it). */
    private static final Map<String, String> MALFORMED = Map.of(
            "not a pair", "expected NAME=value",
            "9X=1", "expected NAME=value",
            "Z=\"never closed", "Z: closing \" missing",
            "Z='q' trailing", "Z: unexpected text after the closing '");

    @TempDir
    Path dir;

    @BeforeEach
    void noProcessEnvironment() {
        AgentsFactory.environment = Map::of;
    }

    @AfterEach
    void restore() {
        AgentsFactory.environment = System::getenv;
    }

    @Test
    void theTableHasThirtyLines() {
        assertThat(VALID.size() + MALFORMED.size()).isEqualTo(30);
    }

    @Test
    void serveAndDesignReadEveryLineAlike() throws Exception {
        Path file = write(VALID.stream().map(Row::line).toList());
        Function<String, String> serve = SettingsLoader.variables(name -> null, file);
        Map<String, String> design = AgentsFactory.variables(file);
        for (Row row : VALID) {
            if (row.name() != null) {
                assertThat(serve.apply(row.name())).as("serve: %s", row.line()).isEqualTo(row.value());
                assertThat(design.get(row.name())).as("design: %s", row.line()).isEqualTo(row.value());
            }
        }
        assertThat(design).hasSize((int) VALID.stream().filter(r -> r.name() != null).count());
    }

    @Test
    void aMalformedLineStopsServeAndDesignWithTheSameLine() throws Exception {
        for (Map.Entry<String, String> bad : MALFORMED.entrySet()) {
            List<String> lines = new ArrayList<>(VALID.stream().map(Row::line).toList());
            lines.add(bad.getKey());
            Path file = write(lines);
            String expected = file + ":" + lines.size() + ": " + bad.getValue();
            Throwable serve = catchThrowable(() -> SettingsLoader.variables(name -> null, file));
            Throwable design = catchThrowable(() -> AgentsFactory.variables(file));
            assertThat(serve).as(bad.getKey()).isInstanceOf(ConfigurationException.class).hasMessage(expected);
            assertThat(design).as(bad.getKey()).isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
        }
    }

    private Path write(List<String> lines) throws Exception {
        Path file = dir.resolve(".env");
        Files.write(file, lines);
        return file;
    }
}
