package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.SchemaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitRulesTest {

    private static final String DOC = """
            {"project_name": "p", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true},
                {"name": "tags", "type": "JSON", "default": {"list": ["a", "b", "c"], "note": "a long string"}},
                {"name": "kind", "type": "Enum", "values": ["a", "b", "c"], "description": "kind of a user"}
              ], "relationships": [
                {"target_table": "users", "target_class": "User", "type": "one_to_many"}
              ]},
              {"table_name": "posts", "class_name": "Post", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ]}
            ]}
            """;

    /** One table, two columns, no relationship, strings of 12 characters, arrays of 2 items. */
    private static final Limits TIGHT = new Limits(1, 2, 0, 12, 2);

    @Test
    void everyLimitIsReportedWhereItIsExceeded() {
        List<Finding> findings = validate(DOC, TIGHT);
        assertThat(assertFinding(findings, FindingCode.TOO_MANY_TABLES, "/schema", 1, 58).message())
                .contains("2 tables, more than the limit of 1");
        assertThat(assertFinding(findings, FindingCode.TOO_MANY_COLUMNS, "/schema/0/columns", 2, 60).message())
                .contains("3 columns, more than the limit of 2");
        assertFinding(findings, FindingCode.TOO_MANY_RELATIONSHIPS, "/schema/0/relationships", 6, 23);
        assertThat(findings).filteredOn(f -> f.code().equals("STRING_TOO_LONG"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/columns/1/default/note", 4, 83, Severity.ERROR),
                        tuple("/schema/0/columns/2/description", 5, 80, Severity.ERROR));
        assertThat(findings).filteredOn(f -> f.code().equals("ARRAY_TOO_LONG"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/columns/1/default/list", 4, 58, Severity.ERROR),
                        tuple("/schema/0/columns/2/values", 5, 48, Severity.ERROR));
    }

    @Test
    void defaultLimitsLetTheSameDocumentThrough() {
        assertThat(validate(DOC, Limits.DEFAULTS)).extracting(Finding::code)
                .doesNotContain("TOO_MANY_TABLES", "TOO_MANY_COLUMNS", "TOO_MANY_RELATIONSHIPS", "STRING_TOO_LONG",
                        "ARRAY_TOO_LONG");
    }

    @Test
    void stringLimitCountsCharacters() {
        String doc = DOC.replace("kind of a user", "\uD83D\uDE00".repeat(12));
        assertThat(validate(doc, TIGHT)).filteredOn(f -> f.code().equals("STRING_TOO_LONG")).extracting(Finding::path)
                .containsExactly("/schema/0/columns/1/default/note");
    }

    @Test
    void aLongStringInsideAStructuredDefaultIsFoundThoughTheReaderDidNotMeasureIt() {
        String doc = DOC.replace("kind of a user", "short").replace("\"users\", \"target_class\"", "\"posts\", \"target_class\"");
        assertThat(SchemaReader.read(doc).schema().longestString()).isEqualTo("one_to_many".length());
        assertThat(validate(doc, TIGHT)).filteredOn(f -> f.code().equals("STRING_TOO_LONG")).extracting(Finding::path)
                .containsExactly("/schema/0/columns/1/default/note");
    }

    @Test
    void everyKindOfStringIsCheckedWhenOneIsLong() {
        String doc = """
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users_with_long_name", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "kind", "type": "Enum", "values": ["short", "a_rather_long_label"], "default": "a_rather_long_label"}
                  ], "relationships": [
                    {"target_table": "users_with_long_name", "target_class": "User", "type": "one_to_many",
                     "back_populates": "a_long_attribute_name"}
                  ]}
                ]}
                """;
        assertThat(SchemaReader.read(doc).schema().longestString()).isEqualTo("a_long_attribute_name".length());
        assertThat(validate(doc, new Limits(10, 10, 10, 12, 10))).filteredOn(f -> f.code().equals("STRING_TOO_LONG"))
                .extracting(Finding::path)
                .containsExactlyInAnyOrder("/schema/0/table_name", "/schema/0/columns/1/values/1",
                        "/schema/0/columns/1/default", "/schema/0/relationships/0/target_table",
                        "/schema/0/relationships/0/back_populates");
        // the same document under the default limits: nothing to report, and no string visited for it
        assertThat(validate(doc, Limits.DEFAULTS)).extracting(Finding::code).doesNotContain("STRING_TOO_LONG");
    }

    @Test
    void aModelBuiltByHandIsUnmeasuredAndFullyChecked() {
        Schema schema = SchemaReader.read(DOC).schema();
        Schema byHand = new Schema(schema.projectName(), schema.dbTypeName(), schema.dbType(), schema.description(),
                schema.tables(), schema.at());
        assertThat(byHand.longestString()).isEqualTo(Schema.UNMEASURED);
        assertThat(new SchemaValidator(TIGHT).validate(byHand, List.of()))
                .filteredOn(f -> f.code().equals("STRING_TOO_LONG")).extracting(Finding::path)
                .containsExactly("/schema/0/columns/1/default/note", "/schema/0/columns/2/description");
    }
}
