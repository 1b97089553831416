package dev.backbone.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architect's codes in the findings corpus ({@code findings/<CODE>.json} and its
 * {@code .expected.json}): each document, otherwise valid, goes through the whole
 * validate + plan pipeline and yields its code exactly where expected, and no other error.
 * (BUILD_ORDER_INCOMPLETE has no fixture: once cycles are resolved every valid document places
 * every table; it is a defensive check only.)
 */
class ArchitectFindingCorpusTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CIRCULAR_DEPENDENCY", "DEFERRED_FOREIGN_KEY", "MISSING_BACK_POPULATES",
            "BACK_POPULATES_MISMATCH", "REL_FOREIGN_KEY_NOT_FOUND", "REL_NO_FOREIGN_KEY", "REL_AMBIGUOUS_FOREIGN_KEY",
            "DUPLICATE_RELATIONSHIP_NAME", "SECONDARY_TABLE_CONFLICT"})
    void fixtureYieldsItsCodeAtTheExpectedPlace(String code) throws Exception {
        String text = resource("findings/" + code + ".json");
        JsonNode.JsonObject expected = (JsonNode.JsonObject) PositionalJsonParser.parse(resource("findings/" + code + ".expected.json"));
        String path = ((JsonNode.JsonString) expected.get("path")).value();
        int line = ((JsonNode.JsonNumber) expected.get("line")).value().intValueExact();
        int column = ((JsonNode.JsonNumber) expected.get("column")).value().intValueExact();

        ValidationOutcome out = new Workflow().validate(text, Limits.DEFAULTS, WorkflowListener.NONE);

        assertThat(out.findings()).as("findings of %s", code)
                .anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.path()).isEqualTo(path);
                    assertThat(f.line()).isEqualTo(line);
                    assertThat(f.column()).isEqualTo(column);
                    assertThat(f.severity()).isEqualTo(FindingCode.valueOf(code).severity());
                });
        assertThat(out.findings()).filteredOn(Finding::isError).allSatisfy(f -> assertThat(f.code()).isEqualTo(code));
        assertThat(out.valid()).isEqualTo(!FindingCode.valueOf(code).severity().equals(dev.backbone.core.validate.Severity.ERROR));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArchitectFindingCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
