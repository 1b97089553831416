package dev.backbone.core.validate;

import static dev.backbone.core.validate.ValidationHarness.only;
import static dev.backbone.core.validate.ValidationHarness.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages suggest the intended value for the spellings users bring from SQL and other ORMs. */
class HintsTest {

    private static final String DOC = """
            {"project_name": "p", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true},
                {"name": "c", "type": "TYPE"}
              ]},
              {"table_name": "posts", "class_name": "Post", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true},
                {"name": "user_id", "type": "ForeignKey", "target": "users.id", "nullable": true, "on_delete": "ACTION"}
              ], "relationships": [
                {"target_table": "users", "target_class": "User", "type": "REL"}
              ]}
            ]}
            """;

    private static String doc(String type, String action, String rel) {
        return DOC.replace("TYPE", type).replace("ACTION", action).replace("REL", rel);
    }

    @ParameterizedTest
    @CsvSource({"Varchar, String", "int, Integer", "BIGINT, BigInteger", "timestamp, DateTime", "decimal, Numeric",
        "jsonb, JSON", "bytea, LargeBinary", "string, String", "Interger, Integer", "uuid, UUID"})
    void columnTypes(String written, String meant) {
        assertThat(only(validate(doc(written, "CASCADE", "many_to_one")), FindingCode.UNKNOWN_COLUMN_TYPE).message())
                .endsWith("Did you mean `" + meant + "`?");
    }

    @ParameterizedTest
    @CsvSource({"DELETE, CASCADE", "set null, SET NULL", "SET_NULL, SET NULL", "cascade, CASCADE", "nothing, NO ACTION",
        "RESTRIKT, RESTRICT"})
    void onDeleteActions(String written, String meant) {
        assertThat(only(validate(doc("Text", written, "many_to_one")), FindingCode.INVALID_ON_DELETE).message())
                .endsWith("Did you mean `" + meant + "`?");
    }

    @ParameterizedTest
    @CsvSource({"has_many, one_to_many", "belongs_to, many_to_one", "has_one, one_to_one", "ManyToOne, many_to_one",
        "many-to-one, many_to_one", "many_to_onw, many_to_one"})
    void relationshipTypes(String written, String meant) {
        assertThat(only(validate(doc("Text", "CASCADE", written)), FindingCode.INVALID_RELATIONSHIP_TYPE).message())
                .endsWith("Did you mean `" + meant + "`?");
    }
}
