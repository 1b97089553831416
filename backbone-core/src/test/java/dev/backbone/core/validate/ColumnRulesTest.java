package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnRulesTest {

    @Test
    void columnNames() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "userName", "type": "Text"},
                    {"name": "class", "type": "Text"},
                    {"name": "metadata", "type": "JSON"},
                    {"name": "user", "type": "Text"},
                    {"name": "id", "type": "Text"}
                  ]}
                ]}
                """);
        assertThat(assertFinding(findings, FindingCode.INVALID_COLUMN_NAME, "/schema/0/columns/1/name", 4, 14).message())
                .contains("e.g. `user_name`");
        assertThat(assertFinding(findings, FindingCode.PYTHON_KEYWORD_NAME, "/schema/0/columns/2/name", 5, 14).message())
                .contains("`class_`");
        assertThat(assertFinding(findings, FindingCode.RESERVED_ATTRIBUTE_NAME, "/schema/0/columns/3/name", 6, 14).message())
                .contains("`metadata_`");
        assertFinding(findings, FindingCode.SQL_RESERVED_WORD, "/schema/0/columns/4/name", 7, 14);
        assertThat(assertFinding(findings, FindingCode.DUPLICATE_COLUMN_NAME, "/schema/0/columns/5/name", 8, 14).message())
                .contains("line 3");
    }

    @Test
    void columnNameLongerThanDatabasesAccept() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "NAME", "type": "Text"}
                  ]}
                ]}
                """.replace("NAME", "c".repeat(64)));
        assertFinding(findings, FindingCode.IDENTIFIER_TOO_LONG, "/schema/0/columns/1/name", 4, 14);
    }

    @Test
    void unknownTypeAndStringLength() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "title", "type": "string"},
                    {"name": "body", "type": "String"},
                    {"name": "code", "type": "String", "length": 0}
                  ]}
                ]}
                """);
        assertThat(assertFinding(findings, FindingCode.UNKNOWN_COLUMN_TYPE, "/schema/0/columns/1/type", 4, 31).message())
                .contains("Did you mean `String`?");
        // an absent field: the pointer names it, the position is the column lacking it
        assertThat(assertFinding(findings, FindingCode.STRING_NO_LENGTH, "/schema/0/columns/2/length", 5, 5).message())
                .contains("VARCHAR(255)");
        assertFinding(findings, FindingCode.INVALID_LENGTH, "/schema/0/columns/3/length", 6, 50);
    }

    @Test
    void stringLengthBeyondTheDialectsVarchar() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "mysql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "body", "type": "String", "length": 20000}
                  ]}
                ]}
                """);
        assertThat(assertFinding(findings, FindingCode.INVALID_LENGTH, "/schema/0/columns/1/length", 4, 50).message())
                .contains("use Text");
    }

    @Test
    void precisionAndScale() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "mysql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "a", "type": "Numeric", "precision": 5, "scale": 6},
                    {"name": "b", "type": "Numeric", "precision": 0},
                    {"name": "c", "type": "Numeric", "scale": 2},
                    {"name": "d", "type": "Numeric", "precision": 70, "scale": 2}
                  ]}
                ]}
                """);
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_PRECISION_SCALE"))
                .extracting(Finding::path, Finding::line, Finding::column)
                .containsExactly(
                        tuple("/schema/0/columns/1/scale", 4, 63),
                        tuple("/schema/0/columns/2/precision", 5, 51),
                        tuple("/schema/0/columns/3/scale", 6, 47),
                        tuple("/schema/0/columns/4/precision", 7, 51));
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_PRECISION_SCALE"))
                .allMatch(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("larger than `precision`"))
                .anyMatch(m -> m.contains("without `precision`"))
                .anyMatch(m -> m.contains("mysql allows (65)"));
    }

    @Test
    void fieldsThatDoNotApplyToTheType() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "a", "type": "Integer", "length": 10},
                    {"name": "b", "type": "String", "length": 10, "values": ["x"]},
                    {"name": "c", "type": "Integer", "target": "users.id"},
                    {"name": "d", "type": "Text", "on_delete": "CASCADE"},
                    {"name": "e", "type": "Float", "precision": 10}
                  ]}
                ]}
                """);
        assertThat(findings).filteredOn(f -> f.code().equals("FIELD_NOT_APPLICABLE"))
                .allMatch(f -> f.severity() == Severity.WARNING)
                .extracting(Finding::path, Finding::line, Finding::column)
                .containsExactly(
                        tuple("/schema/0/columns/1/length", 4, 48),
                        tuple("/schema/0/columns/2/values", 5, 61),
                        tuple("/schema/0/columns/3/target", 6, 48),
                        tuple("/schema/0/columns/4/on_delete", 7, 48),
                        tuple("/schema/0/columns/5/precision", 8, 49));
    }

    @Test
    void nullablePrimaryKeyAndAutoincrement() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "String", "length": 36, "primary_key": true, "autoincrement": true, "nullable": true},
                    {"name": "n", "type": "Integer", "autoincrement": true}
                  ]}
                ]}
                """);
        assertFinding(findings, FindingCode.NULLABLE_PRIMARY_KEY, "/schema/0/columns/0/nullable", 3, 108);
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_AUTOINCREMENT"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/columns/0/autoincrement", 3, 90, Severity.ERROR),
                        tuple("/schema/0/columns/1/autoincrement", 4, 55, Severity.ERROR));
    }

    @Test
    void keyFlagsOnTypesTheDatabaseCannotIndex() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "mysql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "data", "type": "JSON", "unique": true},
                    {"name": "body", "type": "Text", "index": true}
                  ]}
                ]}
                """);
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_KEY_TYPE"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/columns/1/unique", 4, 48, Severity.ERROR),
                        tuple("/schema/0/columns/2/index", 5, 47, Severity.ERROR));
        // PostgreSQL indexes text: only the JSON key is refused there
        assertThat(validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "data", "type": "JSON", "unique": true},
                    {"name": "body", "type": "Text", "index": true}
                  ]}
                ]}
                """)).filteredOn(f -> f.code().equals("INVALID_KEY_TYPE")).extracting(Finding::path)
                .containsExactly("/schema/0/columns/1/unique");
    }

    @Test
    void enumValues() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "a", "type": "Enum"},
                    {"name": "b", "type": "Enum", "values": []},
                    {"name": "c", "type": "Enum", "values": ["x", "y", "x"]}
                  ]}
                ]}
                """);
        assertThat(findings).filteredOn(f -> f.code().equals("ENUM_NO_VALUES"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/columns/1/values", 4, 5, Severity.ERROR),
                        tuple("/schema/0/columns/2/values", 5, 45, Severity.ERROR));
        assertThat(assertFinding(findings, FindingCode.ENUM_DUPLICATE_VALUE, "/schema/0/columns/3/values/2", 6, 56).message())
                .contains("`x` twice").contains("/schema/0/columns/3/values/0");
    }

    @Test
    void duplicateEnumValuePointsAtTheJsonIndexEvenAfterAMistypedItem() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "c", "type": "Enum", "values": [1, "x", "x"]}
                  ]}
                ]}
                """);
        assertFinding(findings, FindingCode.ENUM_DUPLICATE_VALUE, "/schema/0/columns/1/values/2", 4, 54);
    }
}
