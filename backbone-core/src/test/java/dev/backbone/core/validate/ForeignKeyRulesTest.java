package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyRulesTest {

    @Test
    void targetsThatNameNothing() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "email", "type": "String", "length": 100}
                  ]},
                  {"table_name": "posts", "class_name": "Post", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "a", "type": "ForeignKey"},
                    {"name": "b", "type": "ForeignKey", "target": "users"},
                    {"name": "c", "type": "ForeignKey", "target": "user.id"},
                    {"name": "d", "type": "ForeignKey", "target": "users.uid"},
                    {"name": "e", "type": "ForeignKey", "target": "users.email"},
                    {"name": "f", "type": "ForeignKey", "target": "posts.f"}
                  ]}
                ]}
                """);
        assertFinding(findings, FindingCode.FK_MISSING_TARGET, "/schema/1/columns/1/target", 8, 5);
        assertThat(assertFinding(findings, FindingCode.INVALID_FK_FORMAT, "/schema/1/columns/2/target", 9, 51).message())
                .contains("\"users.id\"");
        assertThat(assertFinding(findings, FindingCode.FK_TABLE_NOT_FOUND, "/schema/1/columns/3/target", 10, 51).message())
                .contains("Did you mean `users`?");
        assertThat(findings).filteredOn(f -> f.code().equals("FK_COLUMN_NOT_FOUND"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/1/columns/4/target", 11, 51, Severity.ERROR),
                        tuple("/schema/1/columns/6/target", 13, 51, Severity.ERROR));
        Finding notUnique = assertFinding(findings, FindingCode.FK_NOT_PK_OR_UNIQUE, "/schema/1/columns/5/target", 12, 51);
        assertThat(notUnique.message()).contains("neither a primary key nor unique");
        // An error, not a warning: the databases refuse the DDL (found by PipelineFuzzTest's long run).
        assertThat(notUnique.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void targetsTheDatabaseCannotReference() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "pairs", "class_name": "Pair", "columns": [
                    {"name": "a", "type": "Integer", "primary_key": true},
                    {"name": "b", "type": "Integer", "primary_key": true},
                    {"name": "data", "type": "JSON", "unique": true},
                    {"name": "x", "type": "ForeignKey", "target": "pairs.y", "unique": true},
                    {"name": "y", "type": "ForeignKey", "target": "pairs.x", "unique": true}
                  ]},
                  {"table_name": "refs", "class_name": "Ref", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "pair_a", "type": "ForeignKey", "target": "pairs.a"},
                    {"name": "pair_data", "type": "ForeignKey", "target": "pairs.data"},
                    {"name": "pair_x", "type": "ForeignKey", "target": "pairs.x"}
                  ]}
                ]}
                """);
        assertThat(assertFinding(findings, FindingCode.FK_NOT_PK_OR_UNIQUE, "/schema/1/columns/1/target", 11, 56).message())
                .contains("composite primary key");
        List<Finding> notKeyable = findings.stream().filter(f -> f.code().equals("FK_TYPE_NOT_KEYABLE")).toList();
        assertThat(notKeyable).extracting(Finding::path, Finding::line, Finding::column, Finding::severity).containsExactly(
                tuple("/schema/0/columns/3/target", 6, 51, Severity.ERROR),
                tuple("/schema/0/columns/4/target", 7, 51, Severity.ERROR),
                tuple("/schema/1/columns/2/target", 12, 59, Severity.ERROR),
                tuple("/schema/1/columns/3/target", 13, 56, Severity.ERROR));
        assertThat(notKeyable.get(0).message()).contains("loops back");
        assertThat(notKeyable.get(2).message()).contains("JSON");
    }

    @Test
    void aKeyMayPointToAKey() {
        List<Finding> findings = validate("""
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]},
                  {"table_name": "profiles", "class_name": "Profile", "columns": [
                    {"name": "user_id", "type": "ForeignKey", "target": "users.id", "primary_key": true}
                  ]},
                  {"table_name": "settings", "class_name": "Setting", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "profile_id", "type": "ForeignKey", "target": "profiles.user_id", "default": 1}
                  ]}
                ]}
                """);
        assertThat(findings).extracting(Finding::code).containsExactly("NO_RELATIONSHIPS");
    }

    @Test
    void onDeleteActions() {
        String doc = """
                {"project_name": "p", "db_type": "postgresql", "schema": [
                  {"table_name": "users", "class_name": "User", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true}
                  ]},
                  {"table_name": "posts", "class_name": "Post", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "a", "type": "ForeignKey", "target": "users.id", "on_delete": "set null"},
                    {"name": "b", "type": "ForeignKey", "target": "users.id", "nullable": false, "on_delete": "SET NULL"},
                    {"name": "c", "type": "ForeignKey", "target": "users.id", "on_delete": "SET DEFAULT"},
                    {"name": "d", "type": "ForeignKey", "target": "users.id", "on_delete": "SET DEFAULT", "default": 1}
                  ]}
                ]}
                """;
        List<Finding> findings = validate(doc);
        assertThat(assertFinding(findings, FindingCode.INVALID_ON_DELETE, "/schema/1/columns/1/on_delete", 7, 76).message())
                .contains("Did you mean `SET NULL`?");
        assertThat(assertFinding(findings, FindingCode.SET_NULL_ON_NOT_NULL, "/schema/1/columns/2/on_delete", 8, 95).message())
                .contains("NOT NULL");
        assertThat(assertFinding(findings, FindingCode.SET_DEFAULT_WITHOUT_DEFAULT, "/schema/1/columns/3/on_delete", 9, 76)
                .message()).contains("no `default`");

        List<Finding> mysql = validate(doc.replace("postgresql", "mysql"));
        assertThat(mysql).filteredOn(f -> f.code().equals("INVALID_ON_DELETE")).extracting(Finding::path).containsExactly(
                "/schema/1/columns/1/on_delete", "/schema/1/columns/3/on_delete", "/schema/1/columns/4/on_delete");
        assertThat(mysql).extracting(Finding::code).doesNotContain("SET_DEFAULT_WITHOUT_DEFAULT");
    }
}
