package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A document with a problem on almost every line: all are reported in one run, in document order. */
class ManyProblemsTest {

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        List<Finding> findings = validate("""
                {"project_name": "../p", "db_type": "oracle", "schema": [
                  {"table_name": "Users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true, "nullable": true},
                    {"name": "name", "type": "Strin"},
                    {"name": "role", "type": "Enum", "values": ["a", "a"], "default": "b"},
                    {"name": "nulable", "type": "Boolean", "default": "yes"}
                  ], "relationships": [
                    {"target_table": "postz", "target_class": "Post", "type": "one_to_many"}
                  ]},
                  {"table_name": "posts", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "author_id", "type": "ForeignKey", "target": "users.id", "on_delete": "SET NULL", "nullable": false},
                    {"name": "x", "type": "ForeignKey", "target": "Users.id", "on_delete": "SET NULL", "nullable": false}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code, Finding::path, Finding::line, Finding::column).containsExactly(
                tuple("INVALID_PROJECT_NAME", "/project_name", 1, 18),
                tuple("INVALID_DB_TYPE", "/db_type", 1, 37),
                tuple("INVALID_TABLE_NAME", "/schema/0/table_name", 2, 18),
                tuple("NULLABLE_PRIMARY_KEY", "/schema/0/columns/0/nullable", 3, 72),
                tuple("UNKNOWN_COLUMN_TYPE", "/schema/0/columns/1/type", 4, 30),
                tuple("ENUM_DUPLICATE_VALUE", "/schema/0/columns/2/values/1", 5, 54),
                tuple("ENUM_DEFAULT_NOT_IN_VALUES", "/schema/0/columns/2/default", 5, 71),
                tuple("INVALID_DEFAULT", "/schema/0/columns/3/default", 6, 55),
                tuple("REL_TABLE_NOT_FOUND", "/schema/0/relationships/0/target_table", 8, 22),
                tuple("DUPLICATE_CLASS_NAME", "/schema/1/class_name", 10, 41),
                tuple("FK_TABLE_NOT_FOUND", "/schema/1/columns/1/target", 12, 59),
                tuple("SET_NULL_ON_NOT_NULL", "/schema/1/columns/1/on_delete", 12, 84),
                tuple("SET_NULL_ON_NOT_NULL", "/schema/1/columns/2/on_delete", 13, 76));
        assertThat(findings).allMatch(Finding::isError);
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotContain("Exception").hasSizeGreaterThan(20));
    }

    @Test
    void readerAndValidatorFindingsInterleaveInDocumentOrder() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true, "nulable": false},
                    {"name": "bio", "type": "String", "length": "long"},
                    {"name": "age", "type": "Integer", "default": "18"}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(
                tuple("NO_RELATIONSHIPS", 1),
                tuple("UNKNOWN_FIELD", 3),
                tuple("SCHEMA_VALIDATION_ERROR", 4),
                tuple("INVALID_DEFAULT", 5));
        // the mistyped length is reported once, by the reader, not again as a missing length
        assertThat(findings).extracting(Finding::code).doesNotContain("STRING_NO_LENGTH");
    }
}
