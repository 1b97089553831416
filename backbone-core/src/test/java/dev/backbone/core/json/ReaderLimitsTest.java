package dev.backbone.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser's own limits (nesting depth, number and key length) are findings in our words at
 * the place that broke them, never Jackson's class names at line 1, column 1; and the one
 * byte-order-mark rule: a leading BOM is not part of the document.
 */
class ReaderLimitsTest {

    private static Finding only(String text) {
        List<Finding> f = SchemaReader.read(text).findings();
        assertThat(f).hasSize(1);
        assertThat(f.get(0).code()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.get(0).message()).doesNotContain("StreamReadConstraints").doesNotContain("getMax").doesNotContain("`");
        return f.get(0);
    }

    @Test
    void hundredNestedArraysNameTheDepthAtTheBracketThatPassesIt() {
        // line 2: two spaces, "x": then the first bracket at column 8; the root object is level 1, so
        // the 64th bracket (column 71) is the 65th level
        Finding f = only("{\n  \"x\": " + "[".repeat(100) + "]".repeat(100) + "}");
        assertThat(f.message()).isEqualTo("invalid JSON: arrays and objects nest more than 64 levels deep here; "
                + "a schema needs 5 at most");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo(71);
    }

    @Test
    void aTwentyThousandDigitNumberIsRefusedWhereItStarts() {
        Finding f = only("{\n  \"project_name\": \"p\",\n  \"x\": " + "7".repeat(20_000) + "\n}");
        assertThat(f.message()).isEqualTo("invalid JSON: a number of 20000 characters; at most 1000 are accepted");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.column()).isEqualTo(8);
        Finding fraction = only("{\"x\": -1." + "5".repeat(20_000) + "}");
        assertThat(fraction.line()).isEqualTo(1);
        assertThat(fraction.column()).isEqualTo(7);
    }

    @Test
    void anEnormousKeyIsRefusedWhereItStarts() {
        Finding f = only("{\"db_type\": \"sqlite\",\n \"" + "k".repeat(60_000) + "\": 1}");
        assertThat(f.message()).startsWith("invalid JSON: a key of 60000 characters; at most ");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo(2);
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheDocument() throws Exception {
        String doc = "{\"project_name\": \"p\", \"db_type\": \"sqlite\", \"schema\": []}";
        assertThat(PositionalJsonParser.parse("\uFEFF" + doc)).isNotNull();
        List<Finding> withBom = SchemaReader.read("\uFEFF" + doc.replace("\"p\"", "7")).findings();
        List<Finding> without = SchemaReader.read(doc.replace("\"p\"", "7")).findings();
        assertThat(withBom).isEqualTo(without).isNotEmpty();
        assertThat(withBom.get(0).column()).as("columns count from after the mark").isEqualTo(18);
    }

    @Test
    void aByteOrderMarkAnywhereElseIsNotJson() {
        Finding f = only("{\"x\": \uFEFF1}");
        assertThat(f.column()).isEqualTo(7);
        assertThat(only("\uFEFF\uFEFF{}").column()).isEqualTo(1);
    }
}
