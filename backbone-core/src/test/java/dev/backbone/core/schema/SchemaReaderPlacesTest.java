package dev.backbone.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.backbone.core.json.Position;
import dev.backbone.core.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the streaming reader keeps of each table: names shared between tables and references
 * (lookups then end on identity), and positions that still lead a finding deep in the document
 * to the exact value, with pointers spelled out from the packed places.
 */
class SchemaReaderPlacesTest {

    private static final String DOC = """
            {"project_name": "p", "db_type": "postgresql", "schema": [
              {"table_name": "users", "class_name": "User",
               "options": {"use_timestamps": true, "use_soft_delete": "yes"},
               "columns": [
                {"name": "id", "type": "Integer", "primary_key": true},
                {"name": "role", "type": "Enum", "values": ["admin", 7, "guest"], "default": "guest"}
              ]},
              {"table_name": "posts", "class_name": "Post", "columns": [
                {"name": "id", "type": "Integer", "primary_key": true}
              ], "relationships": [
                {"target_table": "users", "target_class": "User", "type": "many_to_one", "colour": 1}
              ]},
              {"table_name": "tags", "class_name": "Tag", "columns": [
                {"name": "id"},
                {"name": "label", "type": 5},
                "oops"
              ]},
              12
            ]}""";

    private static SchemaReader.Result read() {
        return SchemaReader.read(DOC);
    }

    @Test
    void equalNamesAreOneInstance() {
        List<Table> tables = read().schema().tables();
        String usersId = tables.get(0).columns().get(0).name();
        String postsId = tables.get(1).columns().get(0).name();
        assertThat(usersId).isEqualTo("id").isSameAs(postsId).isSameAs(tables.get(2).columns().get(0).name());
        Relationship toUsers = tables.get(1).relationships().get(0);
        assertThat(toUsers.targetTable()).isEqualTo("users").isSameAs(tables.get(0).tableName());
        assertThat(toUsers.targetClass()).isSameAs(tables.get(0).className());
        assertThat(tables.get(0).columns().get(0).typeName()).isSameAs(tables.get(1).columns().get(0).typeName());
    }

    @Test
    void findingsDeepInTheDocumentCarryTheirPointers() {
        assertThat(read().findings()).extracting(Finding::path, Finding::line, Finding::column, Finding::message)
                .containsExactly(
                        tuple("/schema/0/options/use_soft_delete", 3, 59, "`use_soft_delete` must be true or false, not a string"),
                        tuple("/schema/0/columns/1/values/1", 6, 58, "each of `values` must be a string, not an integer"),
                        tuple("/schema/1/relationships/0/colour", 11, 78, "unknown relationship field `colour`; it is ignored"
                                + " (known: back_populates, description, foreign_key, secondary, target_class, target_table, type)"),
                        tuple("/schema/2/columns/0/type", 14, 5, "missing required field `type`"),
                        tuple("/schema/2/columns/1/type", 15, 31, "`type` must be a string, not an integer"),
                        tuple("/schema/2/columns/2", 16, 5, "a column must be an object, not a string"),
                        tuple("/schema/3", 18, 3, "a table must be an object, not an integer"));
    }

    @Test
    void tablesNotObjectsAreSkippedButKeepTheirIndexes() {
        List<Table> tables = read().schema().tables();
        assertThat(tables).extracting(Table::index).containsExactly(0, 1, 2);
        assertThat(tables.get(2).columns()).extracting(Column::index).containsExactly(0, 1);
    }

    @Test
    void elementLocationsSpellTheirPointers() {
        List<Table> tables = read().schema().tables();
        Table tags = tables.get(2);
        assertThat(tags.at().self()).isEqualTo(new Position("/schema/2", 13, 3));
        assertThat(tags.at().find("table_name")).isEqualTo(new Position("/schema/2/table_name", 13, 18));
        Column label = tags.columns().get(1);
        assertThat(label.at().of("type")).isEqualTo(new Position("/schema/2/columns/1/type", 15, 31));
        assertThat(label.at().pointerOf("length")).isEqualTo("/schema/2/columns/1/length");
        Relationship rel = tables.get(1).relationships().get(0);
        assertThat(rel.at().of("type").pointer()).isEqualTo("/schema/1/relationships/0/type");
    }

    @Test
    void optionsAndEnumLabelsKeepTheirOwnPointers() {
        Table users = read().schema().tables().get(0);
        assertThat(users.at().find("options.use_timestamps"))
                .isEqualTo(new Position("/schema/0/options/use_timestamps", 3, 34));
        assertThat(users.at().has("options.use_soft_delete")).isTrue();
        Column role = users.columns().get(1);
        assertThat(role.values()).containsExactly("admin", "guest");
        // "guest" is the second string but the third item: the key counts strings, the pointer items
        assertThat(role.at().find("values/1")).isEqualTo(new Position("/schema/0/columns/1/values/2", 6, 61));
        assertThat(role.at().find("values/0").pointer()).isEqualTo("/schema/0/columns/1/values/0");
        assertThat(role.at().has("values/2")).isFalse();
        assertThat(role.defaultValue().position()).isEqualTo(new Position("/schema/0/columns/1/default", 6, 82));
    }

    @Test
    void theDocumentKeepsThePlaceOfItsStreamedSchema() {
        Schema schema = read().schema();
        assertThat(schema.at().find("schema")).isEqualTo(new Position("/schema", 1, 58));
        assertThat(schema.at().find("db_type")).isEqualTo(new Position("/db_type", 1, 34));
    }
}
