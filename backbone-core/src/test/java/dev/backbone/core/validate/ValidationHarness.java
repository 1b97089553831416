package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.SchemaReader;
import java.util.List;

/** Reads and validates a document the way the workflow does, and asserts on single findings. */
final class ValidationHarness {

    private ValidationHarness() {}

    static List<Finding> validate(String text) {
        return validate(text, Limits.DEFAULTS);
    }

    static List<Finding> validate(String text, Limits limits) {
        SchemaReader.Result r = SchemaReader.read(text);
        return new SchemaValidator(limits).validate(r.schema(), r.findings());
    }

    /** The only finding with {@code code}; fails when there is none or several. */
    static Finding only(List<Finding> findings, FindingCode code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code.name())).toList();
        assertThat(matching).as("findings with code %s among %s", code, findings).hasSize(1);
        return matching.get(0);
    }

    /** Asserts the only finding with {@code code} has the code's severity and sits at path/line/column. */
    static Finding assertFinding(List<Finding> findings, FindingCode code, String path, int line, int column) {
        Finding f = only(findings, code);
        assertThat(f.severity()).as("severity of %s", code).isEqualTo(code.severity());
        assertThat(f.path()).as("path of %s", code).isEqualTo(path);
        assertThat(f.line()).as("line of %s (%s)", code, f).isEqualTo(line);
        assertThat(f.column()).as("column of %s (%s)", code, f).isEqualTo(column);
        assertThat(f.message()).as("message of %s", code).isNotBlank();
        assertThat(code.template().matches(f.message())).as("message of %s worded by its template: %s", code, f.message())
                .isTrue();
        return f;
    }
}
