package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRulesTest {

    @Test
    void tableAndClassNamesMustHaveTheirShape() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "OrderItems", "class_name": "order_item", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """);
        Finding table = assertFinding(findings, FindingCode.INVALID_TABLE_NAME, "/schema/0/table_name", 2, 18);
        assertThat(table.message()).contains("`OrderItems`").contains("e.g. `order_items`");
        Finding cls = assertFinding(findings, FindingCode.INVALID_CLASS_NAME, "/schema/0/class_name", 2, 46);
        assertThat(cls.message()).contains("e.g. `OrderItem`");
    }

    @Test
    void duplicateTableAndClassNamesPointAtTheSecondAndNameTheFirst() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]},
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """);
        Finding t = assertFinding(findings, FindingCode.DUPLICATE_TABLE_NAME, "/schema/1/table_name", 5, 18);
        assertThat(t.message()).contains("line 2");
        Finding c = assertFinding(findings, FindingCode.DUPLICATE_CLASS_NAME, "/schema/1/class_name", 5, 41);
        assertThat(c.message()).contains("line 2");
    }

    @Test
    void reservedClassNameAndSqlReservedTableName() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "order", "class_name": "Base", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """);
        assertFinding(findings, FindingCode.SQL_RESERVED_WORD, "/schema/0/table_name", 2, 18);
        Finding f = assertFinding(findings, FindingCode.RESERVED_CLASS_NAME, "/schema/0/class_name", 2, 41);
        assertThat(f.message()).contains("`BaseModel`");
        assertThat(findings).filteredOn(Finding::isError).extracting(Finding::code).containsExactly("RESERVED_CLASS_NAME");
    }

    @Test
    void tableNameLongerThanDatabasesAcceptIsWarned() {
        String name = "t" + "x".repeat(63);
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "LONG", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """.replace("LONG", name));
        assertFinding(findings, FindingCode.IDENTIFIER_TOO_LONG, "/schema/0/table_name", 2, 18);
        assertThat(validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "LONG", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """.replace("LONG", name.substring(1)))).extracting(Finding::code).doesNotContain("IDENTIFIER_TOO_LONG");
    }

    @Test
    void tableWithoutColumnsIsAnError() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": []}
                ]}
                """);
        Finding f = assertFinding(findings, FindingCode.SCHEMA_VALIDATION_ERROR, "/schema/0/columns", 2, 60);
        assertThat(f.message()).contains("no columns");
        assertThat(findings).extracting(Finding::code).doesNotContain("MISSING_PRIMARY_KEY");
    }

    @Test
    void tableWithoutPrimaryKey() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "email", "type": "String", "length": 100}
                  ]}
                ]}
                """);
        Finding f = assertFinding(findings, FindingCode.MISSING_PRIMARY_KEY, "/schema/0/columns", 2, 60);
        assertThat(f.message()).contains("\"primary_key\": true");
    }

    @Test
    void compositePrimaryKeyIsInfoAtTheSecondKey() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "user_roles", "class_name": "UserRole", "columns": [
                    {"name": "user_id", "type": "Integer", "primary_key": true},
                    {"name": "role_id", "type": "Integer", "primary_key": true}
                  ]}
                ]}
                """);
        Finding f = assertFinding(findings, FindingCode.COMPOSITE_PRIMARY_KEY, "/schema/0/columns/1/primary_key", 4, 59);
        assertThat(f.message()).contains("user_id, role_id");
        assertThat(findings).noneMatch(Finding::isError);
    }

    @Test
    void declaredColumnsThatTheOptionsAddConflict() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User",
                   "options": {"use_timestamps": true, "use_soft_delete": true},
                   "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "created_at", "type": "DateTime"},
                    {"name": "deleted_at", "type": "DateTime"}
                  ]}
                ]}
                """);
        List<Finding> conflicts = findings.stream().filter(f -> f.code().equals("MIXIN_COLUMN_CONFLICT")).toList();
        assertThat(conflicts).extracting(Finding::path, Finding::line, Finding::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/schema/0/columns/1/name", 6, 14),
                org.assertj.core.groups.Tuple.tuple("/schema/0/columns/2/name", 7, 14));
        assertThat(conflicts.get(0).message()).contains("use_timestamps");
        assertThat(conflicts.get(1).message()).contains("use_soft_delete");
        assertThat(conflicts).allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void mixinColumnNamesAreFineWithoutTheOption() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "created_at", "type": "DateTime"}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code).containsExactly("NO_RELATIONSHIPS");
    }
}
