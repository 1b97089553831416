package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultRulesTest {

    /** The default sits on line 4 at column 42 + the length of the type's name. */
    private static final String TEMPLATE = """
            {"project_name": "p", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true},
                {"name": "c", "type": "TYPE", "default": VALUE}
              ]}
            ]}
            """;

    private static List<Finding> withDefault(String type, String value) {
        return validate(TEMPLATE.replace("TYPE", type).replace("VALUE", value));
    }

    @ParameterizedTest(name = "{0} default {1} is invalid")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "String      | 5",
        "Text        | true",
        "Integer     | \"18\"",
        "Integer     | 1.5",
        "Integer     | 2147483648",
        "BigInteger  | 9223372036854775808",
        "Numeric     | \"1.0\"",
        "Float       | \"x\"",
        "Float       | 1e400",
        "Boolean     | \"true\"",
        "Boolean     | 0",
        "Date        | \"2024-13-01\"",
        "Date        | \"31/01/2024\"",
        "Time        | \"25:00\"",
        "DateTime    | \"2024-01-31\"",
        "DateTime    | 1700000000",
        "UUID        | \"not-a-uuid\"",
        "UUID        | \"1-1-1-1-1\"",
        "LargeBinary | \"AAAA\"",
        "Enum        | 3",
    })
    void defaultOfTheWrongKindIsInvalid(String type, String value) {
        List<Finding> findings = withDefault(type, value);
        Finding f = assertFinding(findings, FindingCode.INVALID_DEFAULT, "/schema/0/columns/1/default", 4, 42 + type.length());
        assertThat(f.message()).contains("`default` of " + type + " column `c`");
    }

    @ParameterizedTest(name = "{0} default {1} is valid")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "String   | \"x\"",
        "Text     | \"\"",
        "Integer  | -5",
        "Integer  | 2147483647",
        "BigInteger | 9223372036854775807",
        "Numeric  | 1.5",
        "Numeric  | 3",
        "Float    | 1e10",
        "Boolean  | false",
        "Date     | \"2024-01-31\"",
        "Time     | \"09:30:00\"",
        "Time     | \"09:30:00+02:00\"",
        "DateTime | \"2024-01-31T09:30:00\"",
        "DateTime | \"2024-01-31T09:30:00Z\"",
        "UUID     | \"123e4567-e89b-12d3-a456-426614174000\"",
        "JSON     | '{\"a\": [1, 2]}'",
        "JSON     | \"x\"",
        "JSON     | null",
        "Integer  | null",
    })
    void defaultOfTheRightKindPasses(String type, String value) {
        assertThat(withDefault(type, value)).extracting(Finding::code).doesNotContain("INVALID_DEFAULT");
    }

    @Test
    void defaultsAgainstValuesLengthPrecisionAndNullability() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "status", "type": "Enum", "values": ["active", "banned"], "default": "Active"},
                    {"name": "code", "type": "String", "length": 3, "default": "abcd"},
                    {"name": "price", "type": "Numeric", "precision": 5, "scale": 2, "default": 1234.5},
                    {"name": "gone", "type": "Boolean", "nullable": false, "default": null}
                  ]}
                ]}
                """);
        Finding e = assertFinding(findings, FindingCode.ENUM_DEFAULT_NOT_IN_VALUES, "/schema/0/columns/1/default", 4, 83);
        assertThat(e.message()).contains("[`active`, `banned`]").contains("Did you mean `active`?");
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_DEFAULT"))
                .extracting(Finding::path, Finding::line, Finding::column)
                .containsExactly(
                        tuple("/schema/0/columns/2/default", 5, 64),
                        tuple("/schema/0/columns/3/default", 6, 81),
                        tuple("/schema/0/columns/4/default", 7, 71));
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_DEFAULT")).extracting(Finding::message)
                .anyMatch(m -> m.contains("4 characters long, more than the column's `length` 3"))
                .anyMatch(m -> m.contains("leaves room for 3"))
                .anyMatch(m -> m.contains("is null, but the column is NOT NULL"));
    }

    @Test
    void stringLengthCountsCharactersNotUtf16Units() {
        assertThat(validate(TEMPLATE.replace("\"type\": \"TYPE\"", "\"type\": \"String\", \"length\": 3")
                .replace("VALUE", "\"\u00e9\u20ac\uD83D\uDE00\""))).extracting(Finding::code).doesNotContain("INVALID_DEFAULT");
    }

    @Test
    void foreignKeyDefaultIsCheckedAgainstTheReferencedColumn() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "status", "type": "Enum", "values": ["active", "banned"], "default": "Active"},
                    {"name": "code", "type": "String", "length": 3, "default": "abcd"},
                    {"name": "price", "type": "Numeric", "precision": 5, "scale": 2, "default": 1234.5},
                    {"name": "gone", "type": "Boolean", "nullable": false, "default": null}
                  ]},
                  {"table_name": "posts", "class_name": "Post", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "user_id", "type": "ForeignKey", "target": "users.id", "default": "1"},
                    {"name": "status", "type": "ForeignKey", "target": "users.status", "default": "deleted"}
                  ]}
                ]}
                """);
        List<Finding> fk = findings.stream()
                .filter(f -> f.code().equals("INVALID_DEFAULT") && f.path().startsWith("/schema/1/")).toList();
        assertThat(fk).extracting(Finding::path, Finding::line, Finding::column).containsExactly(
                tuple("/schema/1/columns/1/default", 11, 80),
                tuple("/schema/1/columns/2/default", 12, 83));
        assertThat(fk.get(0).message()).contains("of type Integer, from users.id").contains("must be an integer");
        assertThat(fk.get(1).message()).contains("not one of its values");
    }

    @Test
    void foreignKeyDefaultOfTheRightTypePasses() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]},
                  {"table_name": "posts", "class_name": "Post", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "user_id", "type": "ForeignKey", "target": "users.id", "default": 1}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code).containsExactly("NO_RELATIONSHIPS");
    }
}
