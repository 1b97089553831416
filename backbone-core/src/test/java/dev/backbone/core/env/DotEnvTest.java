package dev.backbone.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

    @Test
    void followsPythonDotenvRules() {
        var m = DotEnv.parse(List.of(
                "A=plain",
                "B = spaced ",
                "C=value # comment",
                "D=value#kept",
                "E=\"double \\\"quoted\\\" # not comment\"",
                "F='single # kept'",
                "export G=exported",
                "H=",
                "  # indented comment",
                ""), ".env");
        assertThat(m).containsEntry("A", "plain").containsEntry("B", "spaced").containsEntry("C", "value")
                .containsEntry("D", "value#kept").containsEntry("E", "double \"quoted\" # not comment")
                .containsEntry("F", "single # kept").containsEntry("G", "exported").containsEntry("H", "");
    }

    @Test
    void aQuotedValueMaySpanLinesAndAnUnclosedOneNamesItsFirstLine() {
        assertThat(DotEnv.parse(List.of("KEY=\"-----BEGIN", "abc", "-----END\" # pem", "N=1"), ".env"))
                .containsExactlyEntriesOf(Map.of("KEY", "-----BEGIN\nabc\n-----END", "N", "1"));
        assertThatThrownBy(() -> DotEnv.parse(List.of("A=1", "KEY='open", "B=2"), ".env"))
                .isInstanceOf(DotEnvException.class).hasMessage(".env:2: KEY: closing ' missing");
    }

    @Test
    void aMalformedLineIsOneLineNamingFileAndLineButNotTheValue() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("# c", "not a pair secret-value"), "conf/.env"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("conf/.env:2: expected NAME=value");
        assertThatThrownBy(() -> DotEnv.parse(List.of("TOKEN=\"s3cret\" trailing"), ".env"))
                .hasMessage(".env:1: TOKEN: unexpected text after the closing \"").hasMessageNotContaining("s3cret");
    }

    @Test
    void theProcessEnvironmentWinsAndAMissingFileIsNoValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "\uFEFFDEFAULT_LLM_PROVIDER=google\r\nGOOGLE_MODEL=gemini-2.0-flash\r\n");
        Map<String, String> env = DotEnv.merged(file, Map.of("DEFAULT_LLM_PROVIDER", "ollama"));
        assertThat(env).containsEntry("DEFAULT_LLM_PROVIDER", "ollama").containsEntry("GOOGLE_MODEL", "gemini-2.0-flash");
        assertThat(DotEnv.merged(dir.resolve("absent"), Map.of("A", "1"))).isEqualTo(Map.of("A", "1"));
    }
}
