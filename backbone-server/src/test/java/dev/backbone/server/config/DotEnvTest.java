package dev.backbone.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
