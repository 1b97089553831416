package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
}
