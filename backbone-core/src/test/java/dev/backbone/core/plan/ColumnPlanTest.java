package dev.backbone.core.plan;

import static dev.backbone.core.plan.PlanTestSupport.plan;
import static dev.backbone.core.plan.PlanTestSupport.planOk;
import static dev.backbone.core.plan.PlanTestSupport.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.DefaultValue.Kind;
import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.plan.PlanTestSupport.Result;
import dev.backbone.core.plan.PlannedColumn.Origin;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnPlanTest {

    @Test
    void foreignKeysTakeTheTypeOfWhatTheyReference() {
        Plan p = planOk(new Doc()
                .table("countries", "Country").col("code", "String", "\"length\": 2", "\"primary_key\": true")
                .col("rate", "Numeric", "\"precision\": 8", "\"scale\": 3", "\"unique\": true")
                .table("cities", "City").pk()
                .col("country_code", "ForeignKey", "\"target\": \"countries.code\"", "\"unique\": true")
                .fk("rate", "countries.rate")
                .table("streets", "Street").pk().fk("country", "cities.country_code")
                .json());
        PlannedColumn code = p.table("cities").column("country_code");
        assertThat(code.type()).isEqualTo(ColumnType.STRING);
        assertThat(code.length()).isEqualTo(2);
        assertThat(code.foreignKey()).isEqualTo(new PlannedColumn.ForeignKeyRef("countries", "code", null, false,
                "fk_cities_country_code_countries"));
        PlannedColumn rate = p.table("cities").column("rate");
        assertThat(rate.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(rate.precision()).isEqualTo(8);
        assertThat(rate.scale()).isEqualTo(3);
        PlannedColumn chained = p.table("streets").column("country");
        assertThat(chained.type()).isEqualTo(ColumnType.STRING);
        assertThat(chained.length()).isEqualTo(2);
        assertThat(chained.foreignKey().table()).isEqualTo("cities");
        assertThat(p.buildOrder()).containsExactly("countries", "cities", "streets");
    }

    @Test
    void stringWithoutLengthGetsTheDefaultLength() {
        Plan p = planOk(new Doc().table("t", "T").pk().col("name", "String").col("n", "Integer").json());
        assertThat(p.table("t").column("name").length()).isEqualTo(PlannedColumn.DEFAULT_STRING_LENGTH).isEqualTo(255);
        assertThat(p.table("t").column("n").length()).isNull();
    }

    @Test
    void autoincrementIsResolved() {
        Plan p = planOk(new Doc()
                .table("a", "A").pk()
                .table("b", "B").col("id", "Integer", "\"primary_key\": true", "\"autoincrement\": false")
                .table("c", "C").col("id", "BigInteger", "\"primary_key\": true")
                .table("d", "D").col("x", "Integer", "\"primary_key\": true").col("y", "Integer", "\"primary_key\": true")
                .table("e", "E").col("code", "String", "\"length\": 5", "\"primary_key\": true")
                .table("f", "F").col("a_id", "ForeignKey", "\"target\": \"a.id\"", "\"primary_key\": true")
                .json());
        assertThat(p.table("a").column("id").autoincrement()).isTrue();
        assertThat(p.table("b").column("id").autoincrement()).isFalse();
        assertThat(p.table("c").column("id").autoincrement()).isTrue();
        assertThat(p.table("d").columns()).noneMatch(PlannedColumn::autoincrement);
        assertThat(p.table("e").column("code").autoincrement()).isFalse();
        assertThat(p.table("f").column("a_id").autoincrement()).isFalse();
        assertThat(p.table("f").column("a_id").nullable()).isFalse();
    }

    @Test
    void singleKeyIsNeverAlsoUniqueOrIndexed() {
        Plan p = planOk(new Doc()
                .table("a", "A").col("id", "Integer", "\"primary_key\": true", "\"unique\": true", "\"index\": true")
                .col("email", "String", "\"length\": 9", "\"unique\": true", "\"index\": true")
                .json());
        assertThat(p.table("a").column("id").unique()).isFalse();
        assertThat(p.table("a").column("id").indexed()).isFalse();
        assertThat(p.table("a").column("email").unique()).isTrue();
        assertThat(p.table("a").column("email").indexed()).isTrue();
    }

    @Test
    void defaultsAreTyped() {
        Plan p = planOk(new Doc()
                .table("t", "T").pk()
                .col("n", "Integer", "\"default\": 5")
                .col("price", "Numeric", "\"precision\": 6", "\"scale\": 2", "\"default\": 9.99")
                .col("ratio", "Float", "\"default\": 0.5")
                .col("flag", "Boolean", "\"default\": true")
                .col("name", "String", "\"length\": 9", "\"default\": \"it's\"")
                .col("at", "DateTime", "\"default\": \"now\"")
                .col("at2", "DateTime", "\"default\": \"2024-01-02T03:04:05Z\"")
                .col("day", "Date", "\"default\": \"2024-01-02\"")
                .col("hour", "Time", "\"default\": \"10:30:00\"")
                .col("uid", "UUID", "\"default\": \"123e4567-e89b-12d3-a456-426614174000\"")
                .col("doc", "JSON", "\"default\": {\"a\": [1, \"x\\\"y\"], \"b\": null}")
                .col("state", "Enum", "\"values\": [\"on\", \"off\"]", "\"default\": \"off\"")
                .col("none", "Text", "\"default\": null")
                .json());
        PlannedTable t = p.table("t");
        assertThat(t.column("n").defaultValue()).isEqualTo(new DefaultValue(Kind.NUMBER, new BigDecimal("5")));
        assertThat(t.column("price").defaultValue()).isEqualTo(new DefaultValue(Kind.NUMBER, new BigDecimal("9.99")));
        assertThat(t.column("ratio").defaultValue().kind()).isEqualTo(Kind.NUMBER);
        assertThat(t.column("flag").defaultValue()).isEqualTo(new DefaultValue(Kind.BOOLEAN, true));
        assertThat(t.column("name").defaultValue()).isEqualTo(new DefaultValue(Kind.STRING, "it's"));
        assertThat(t.column("at").defaultValue()).isEqualTo(DefaultValue.NOW);
        assertThat(t.column("at2").defaultValue()).isEqualTo(new DefaultValue(Kind.DATETIME, "2024-01-02T03:04:05Z"));
        assertThat(t.column("day").defaultValue()).isEqualTo(new DefaultValue(Kind.DATE, "2024-01-02"));
        assertThat(t.column("hour").defaultValue()).isEqualTo(new DefaultValue(Kind.TIME, "10:30:00"));
        assertThat(t.column("uid").defaultValue().kind()).isEqualTo(Kind.UUID);
        assertThat(t.column("doc").defaultValue()).isEqualTo(new DefaultValue(Kind.JSON, "{\"a\":[1,\"x\\\"y\"],\"b\":null}"));
        assertThat(t.column("state").defaultValue()).isEqualTo(new DefaultValue(Kind.ENUM, "off"));
        assertThat(t.column("none").defaultValue()).isNull();
    }

    @Test
    void aDefaultThatIsNotALiteralOfItsTypeIsReportedNotGuessed() {
        Result r = plan(new Doc().table("t", "T").pk().col("n", "Integer", "\"default\": \"five\"").json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "INVALID_DEFAULT")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/0/columns/1/default"));
    }

    @Test
    void enumNamesAreUniqueInTheProject() {
        Plan p = planOk(new Doc()
                .table("posts", "Post").pk().col("status", "Enum", "\"values\": [\"draft\", \"published\"]")
                .table("post_statuses", "PostStatus").pk()
                .table("posts_kind", "Kind").pk()
                .table("others", "Other").pk().col("kind", "Enum", "\"values\": [\"a\"]")
                .table("post", "Po").pk().col("st_kind", "Enum", "\"values\": [\"a\"]")
                .table("x", "X").pk().col("kind", "Enum", "\"values\": [\"a\"]")
                .json());
        assertThat(p.table("posts").column("status").enumType().className()).isEqualTo("PostStatusEnum");
        assertThat(p.table("posts").column("status").enumType().dbName()).isEqualTo("posts_status");
        assertThat(p.table("others").column("kind").enumType().className()).isEqualTo("OtherKind");
        PlannedColumn.EnumType clash = p.table("post").column("st_kind").enumType();
        assertThat(clash.dbName()).isEqualTo("post_st_kind");
        assertThat(clash.className()).isEqualTo("PoStKind");
        assertThat(p.table("x").column("kind").enumType().className()).isEqualTo("XKind");
    }

    @Test
    void enumTypeNameAvoidsTablesAndOtherTypes() {
        Plan p = planOk(new Doc()
                .table("posts", "Post").pk().col("status", "Enum", "\"values\": [\"a\"]")
                .table("posts_status", "PostsStatusRow").pk()
                .table("posts_s", "PostsS").pk().col("tatus", "Enum", "\"values\": [\"a\"]")
                .json());
        assertThat(p.table("posts").column("status").enumType().dbName()).isEqualTo("posts_status_enum");
        assertThat(p.table("posts_s").column("tatus").enumType().dbName()).isEqualTo("posts_s_tatus");
    }

    @Test
    void enumMemberNamesAreSafeDistinctIdentifiers() {
        assertThat(EnumNames.memberNames(List.of("in-progress", "inProgress", "1", "-", "Ünïcödé", "class", "3d",
                "HTTPError", "none", "None", "_x_", "日本")))
                .containsExactly("IN_PROGRESS", "IN_PROGRESS_2", "VALUE_1", "VALUE_4", "UNICODE", "CLASS", "VALUE_3D",
                        "HTTP_ERROR", "NONE", "NONE_2", "X", "VALUE_12");
    }

    @Test
    void keyToAnEnumColumnSharesItsType() {
        Plan p = planOk(new Doc()
                .table("states", "State").col("code", "Enum", "\"values\": [\"a\", \"b\"]", "\"primary_key\": true")
                .table("items", "Item").pk().fk("state", "states.code")
                .json());
        assertThat(p.table("items").column("state").type()).isEqualTo(ColumnType.ENUM);
        assertThat(p.table("items").column("state").enumType()).isEqualTo(p.table("states").column("code").enumType());
    }

    @Test
    void optionsAddMixinColumnsAfterTheDeclaredOnes() {
        Plan p = planOk(new Doc()
                .table("t", "T").options("{\"use_timestamps\": true, \"use_soft_delete\": true}").pk().col("n", "Integer")
                .table("u", "U").pk()
                .json());
        PlannedTable t = p.table("t");
        assertThat(t.columns()).extracting(PlannedColumn::name)
                .containsExactly("id", "n", "created_at", "updated_at", "is_deleted", "deleted_at");
        assertThat(t.declaredColumns()).extracting(PlannedColumn::name).containsExactly("id", "n");
        assertThat(t.column("created_at")).satisfies(c -> {
            assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
            assertThat(c.nullable()).isFalse();
            assertThat(c.defaultValue()).isEqualTo(DefaultValue.NOW);
            assertThat(c.origin()).isEqualTo(Origin.TIMESTAMP_MIXIN);
        });
        assertThat(t.column("updated_at").defaultValue()).isEqualTo(DefaultValue.NOW);
        assertThat(t.column("is_deleted")).satisfies(c -> {
            assertThat(c.type()).isEqualTo(ColumnType.BOOLEAN);
            assertThat(c.nullable()).isFalse();
            assertThat(c.indexed()).isTrue();
            assertThat(c.defaultValue()).isEqualTo(DefaultValue.FALSE);
            assertThat(c.origin()).isEqualTo(Origin.SOFT_DELETE_MIXIN);
        });
        assertThat(t.column("deleted_at")).satisfies(c -> {
            assertThat(c.nullable()).isTrue();
            assertThat(c.defaultValue()).isNull();
            assertThat(c.origin()).isEqualTo(Origin.SOFT_DELETE_MIXIN);
        });
        assertThat(t.timestamps()).isTrue();
        assertThat(t.softDelete()).isTrue();
        assertThat(p.table("u").columns()).hasSize(1);
        assertThat(p.usesTimestamps()).isTrue();
        assertThat(p.usesSoftDelete()).isTrue();
    }

    @Test
    void namesThatBreakPythonGetSafeAttributesAndModules() {
        Plan p = planOk(new Doc()
                .table("base", "Basis").pk().col("class", "Integer").col("metadata", "Text")
                .table("import", "Import").pk()
                .table("base_", "Basis2").pk()
                .json());
        assertThat(p.table("base").column("class").attribute()).isEqualTo("class_");
        assertThat(p.table("base").column("metadata").attribute()).isEqualTo("metadata_");
        assertThat(p.table("base").moduleName()).isEqualTo("base_");
        assertThat(p.table("import").moduleName()).isEqualTo("import_");
        assertThat(p.table("base_").moduleName()).isEqualTo("base__2");
    }

    @Test
    void columnsMeetingOnOneAttributeAreReported() {
        Result r = plan(new Doc().table("t", "T").pk().col("class", "Integer").col("class_", "Integer").json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "DUPLICATE_RELATIONSHIP_NAME")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/0/columns/2/name"));
    }

    @Test
    void documentFieldsReachThePlan() {
        String json = new Doc("mysql").table("t", "T").pk().json()
                .replace("\"project_name\": \"test\"", "\"project_name\": \"Shop\", \"description\": \"d\"");
        Plan p = planOk(json);
        assertThat(p.projectName()).isEqualTo("Shop");
        assertThat(p.dbType()).isEqualTo(DbType.MYSQL);
        assertThat(p.description()).isEqualTo("d");
        assertThat(p.associations()).isEmpty();
    }
}
