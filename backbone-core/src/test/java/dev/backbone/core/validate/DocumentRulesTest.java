package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentRulesTest {

    private static final String TEMPLATE = """
            {"project_name": "NAME", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ]}
            ]}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", "a\\\\b", "", "-rf", ".hidden", "my project", "Caf\u00e9", "CON", "x..y",
        "tab\\there"})
    void unsafeProjectNamesAreRejected(String name) {
        List<Finding> findings = validate(TEMPLATE.replace("NAME", name));
        Finding f = assertFinding(findings, FindingCode.INVALID_PROJECT_NAME, "/project_name", 1, 18);
        assertThat(f.message()).contains("letters, digits, `_` and `-`");
    }

    @Test
    void projectNameOver100CharactersIsRejected() {
        List<Finding> findings = validate(TEMPLATE.replace("NAME", "a".repeat(101)));
        Finding f = assertFinding(findings, FindingCode.INVALID_PROJECT_NAME, "/project_name", 1, 18);
        assertThat(f.message()).contains("101 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BlogBackend", "blog_backend-2", "x", "_private", "2024-app"})
    void safeProjectNamesPass(String name) {
        assertThat(validate(TEMPLATE.replace("NAME", name))).extracting(Finding::code).doesNotContain("INVALID_PROJECT_NAME");
        assertThat(validate(TEMPLATE.replace("NAME", "a".repeat(100)))).extracting(Finding::code)
                .doesNotContain("INVALID_PROJECT_NAME");
    }

    @Test
    void pathMessagesNameTheOffendingPart() {
        assertThat(ValidationHarness.only(validate(TEMPLATE.replace("NAME", "../x")), FindingCode.INVALID_PROJECT_NAME).message())
                .contains("is a path").contains("`..`");
        assertThat(ValidationHarness.only(validate(TEMPLATE.replace("NAME", "a b")), FindingCode.INVALID_PROJECT_NAME).message())
                .contains("a space (U+0020)");
    }

    @Test
    void unsupportedDbTypeSuggestsTheClosest() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgres", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """);
        Finding f = assertFinding(findings, FindingCode.INVALID_DB_TYPE, "/db_type", 1, 34);
        assertThat(f.message()).contains("postgresql, mysql, sqlite, mssql").contains("Did you mean `postgresql`?");
    }

    @Test
    void dbTypeIsCaseSensitiveButTheHintSaysHow() {
        Finding f = ValidationHarness.only(validate(TEMPLATE.replace("NAME", "p").replace("postgresql", "MySQL")),
                FindingCode.INVALID_DB_TYPE);
        assertThat(f.message()).contains("Did you mean `mysql`?");
    }

    @Test
    void emptySchemaIsAnError() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": []}
                """);
        Finding f = assertFinding(findings, FindingCode.SCHEMA_VALIDATION_ERROR, "/schema", 1, 58);
        assertThat(f.message()).contains("at least one table");
        assertThat(findings).extracting(Finding::code).doesNotContain("NO_RELATIONSHIPS");
    }

    @Test
    void mistypedSchemaIsReportedOnceByTheReader() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": {}}
                """);
        assertThat(findings).extracting(Finding::code).containsExactly("SCHEMA_VALIDATION_ERROR");
        assertThat(findings.get(0).message()).contains("must be an array");
    }

    @Test
    void noRelationshipsIsOneInfoForTheDocument() {
        List<Finding> findings = validate(TEMPLATE.replace("NAME", "p"));
        Finding f = assertFinding(findings, FindingCode.NO_RELATIONSHIPS, "/schema", 1, 58);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void noRelationshipsIsNotReportedWhenOneTableHasOne() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]},
                  {"table_name": "posts", "class_name": "Post", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "user_id", "type": "ForeignKey", "target": "users.id"}
                  ], "relationships": [
                    {"target_table": "users", "target_class": "User", "type": "many_to_one"}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code).containsExactly("MISSING_BACK_POPULATES");
    }
}
