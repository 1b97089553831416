package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.assertFinding;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipRulesTest {

    private static final String DOC = """
            {"project_name": "p", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ], "relationships": [
                {"target_table": "post", "target_class": "Post", "type": "one_to_many"},
                {"target_table": "posts", "target_class": "Posts", "type": "one_to_many"},
                {"target_table": "posts", "target_class": "Post", "type": "one-to-many"},
                {"target_table": "posts", "target_class": "Post", "type": "one_to_many", "foreign_key": "user_id"},
                {"target_table": "posts", "target_class": "Post", "type": "many_to_one", "secondary": "links"},
                {"target_table": "posts", "target_class": "Post", "type": "one_to_many", "back_populates": "class"},
                {"target_table": "posts", "target_class": "Post", "type": "many_to_many", "secondary": "my links"},
                {"target_table": "posts", "target_class": "Post", "type": "many_to_many", "secondary": "UserPosts"}
              ]},
              {"table_name": "posts", "class_name": "Post", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ]}
            ]}
            """;

    @Test
    void targetTypeAndClass() {
        List<Finding> findings = validate(DOC);
        assertThat(assertFinding(findings, FindingCode.REL_TABLE_NOT_FOUND, "/schema/0/relationships/0/target_table", 5, 22)
                .message()).contains("Did you mean `posts` (the table of class Post)?");
        assertThat(assertFinding(findings, FindingCode.REL_CLASS_MISMATCH, "/schema/0/relationships/1/target_class", 6, 47)
                .message()).contains("\"target_class\": \"Post\"");
        assertThat(assertFinding(findings, FindingCode.INVALID_RELATIONSHIP_TYPE, "/schema/0/relationships/2/type", 7, 63)
                .message()).contains("Did you mean `one_to_many`?");
    }

    @Test
    void fieldsThatDoNotFitTheType() {
        assertThat(validate(DOC)).filteredOn(f -> f.code().equals("REL_FIELD_NOT_APPLICABLE"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/relationships/3/foreign_key", 8, 93, Severity.WARNING),
                        tuple("/schema/0/relationships/4/secondary", 9, 91, Severity.WARNING));
    }

    @Test
    void attributeNamesPythonRefuses() {
        List<Finding> findings = validate(DOC);
        assertThat(findings).filteredOn(f -> f.code().equals("INVALID_ATTRIBUTE_NAME"))
                .extracting(Finding::path, Finding::line, Finding::column, Finding::severity)
                .containsExactly(
                        tuple("/schema/0/relationships/5/back_populates", 10, 96, Severity.ERROR),
                        tuple("/schema/0/relationships/6/secondary", 11, 92, Severity.ERROR));
        assertThat(assertFinding(findings, FindingCode.INVALID_TABLE_NAME, "/schema/0/relationships/7/secondary", 12, 92)
                .message()).contains("`user_posts`");
    }
}
