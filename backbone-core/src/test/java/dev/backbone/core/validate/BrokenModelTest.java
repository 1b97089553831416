package dev.backbone.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.Position;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.schema.OnDelete;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models built by hand with {@code null} wherever a record allows it: the validator reports, never throws. */
class BrokenModelTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator(Limits.SERVICE);

    @Test
    void nothingAtAll() {
        assertThat(VALIDATOR.validate(null, null)).isEmpty();
        assertThat(VALIDATOR.validate(null, List.of())).isEmpty();
        assertThatCode(() -> VALIDATOR.validate(new Schema(null, null, null, null, null, null), null)).doesNotThrowAnyException();
    }

    @Test
    void nullFieldsInEveryElement() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(0, null, null, null, null, null, null, false, null, false, false, null, null, null, null, null,
                null, null, null));
        for (ColumnType type : ColumnType.values()) {
            for (boolean key : new boolean[] {false, true}) {
                columns.add(new Column(columns.size(), null, type.wire(), type, null, null, null, key, Boolean.TRUE, key, key,
                        Boolean.TRUE, new JsonNode.JsonNull(Position.ROOT), null, null, "SET DEFAULT", OnDelete.SET_DEFAULT,
                        null, null));
                columns.add(new Column(columns.size(), "c" + columns.size(), type.wire(), type, -1, -1, -2, key, Boolean.TRUE,
                        key, key, Boolean.FALSE, new JsonNode.JsonString(Position.ROOT, "x"), List.of(), "a.b", "SET NULL",
                        OnDelete.SET_NULL, null, null));
                columns.add(new Column(columns.size(), "d" + columns.size(), type.wire(), type, null, null, null, key, null,
                        key, key, null, new JsonNode.JsonNumber(Position.ROOT, new java.math.BigDecimal("1e999999999"), false),
                        List.of("a", "a"), "nothing", "bogus", null, null, null));
            }
        }
        List<Relationship> rels = new ArrayList<>();
        rels.add(new Relationship(0, null, null, null, null, null, null, null, null, null));
        for (RelationshipType type : RelationshipType.values()) {
            rels.add(new Relationship(rels.size(), "t", "Nope", type.wire(), type, "", "fk", "", null, null));
        }
        Table broken = new Table(0, null, null, null, true, true, null, null, null);
        Table full = new Table(1, "t", null, null, true, true, columns, rels, null);
        Table twin = new Table(2, "t", "T", null, false, false, columns, rels, null);
        for (DbType db : new DbType[] {null, DbType.POSTGRESQL, DbType.MYSQL, DbType.SQLITE, DbType.MSSQL}) {
            Schema schema = new Schema("", null, db, null, List.of(broken, full, twin), null);
            List<Finding> findings = VALIDATOR.validate(schema, List.of());
            assertThat(findings).isNotEmpty().allSatisfy(f -> {
                assertThat(f.message()).isNotBlank();
                assertThat(f.path()).isNotNull();
            });
            assertThat(findings).extracting(Finding::code).contains("INVALID_PROJECT_NAME", "DUPLICATE_TABLE_NAME",
                    "INVALID_AUTOINCREMENT", "FK_TABLE_NOT_FOUND", "INVALID_ATTRIBUTE_NAME");
        }
    }
}
