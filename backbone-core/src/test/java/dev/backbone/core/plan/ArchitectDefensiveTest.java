package dev.backbone.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.validate.Finding;
import org.junit.jupiter.api.Test;

/**
 * The architect runs after the validator, but must never throw nor plan what it cannot: on a
 * document the validator would reject it reports, with the validator's codes, and returns no plan.
 */
class ArchitectDefensiveTest {

    /** Plans whatever the reader made of {@code json}; indexing while reading must give the same result. */
    private static Architect.Result planUnchecked(String json) {
        Architect.Result afterReading = new Architect().plan(SchemaReader.read(json).schema());
        Architect architect = new Architect();
        Architect.Prepared prepared = architect.prepare();
        Architect.Result whileReading = architect.plan(SchemaReader.read(json, prepared).schema(), prepared);
        assertThat(whileReading.findings()).isEqualTo(afterReading.findings());
        assertThat(whileReading.plan()).isEqualTo(afterReading.plan());
        return afterReading;
    }

    @Test
    void noDocumentIsAFindingNotACrash() {
        Architect.Result r = new Architect().plan(null);
        assertThat(r.plan()).isNull();
        assertThat(r.findings()).extracting(Finding::code).containsExactly("SCHEMA_VALIDATION_ERROR");
    }

    @Test
    void unresolvableKeysAreReportedWithTheValidatorsCodes() {
        Architect.Result r = planUnchecked(new Doc()
                .table("a", "A").pk().fk("x_id", "nowhere.id").fk("y_id", "a.nothing").fk("z", "bad")
                .col("w", "ForeignKey")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(r.findings()).extracting(Finding::code)
                .containsExactly("FK_TABLE_NOT_FOUND", "FK_COLUMN_NOT_FOUND", "INVALID_FK_FORMAT", "FK_MISSING_TARGET");
    }

    @Test
    void keysThatOnlyPointAtEachOtherHaveNoType() {
        Architect.Result r = planUnchecked(new Doc()
                .table("a", "A").pk().fk("x", "b.y")
                .table("b", "B").pk().fk("y", "a.x")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(r.findings()).extracting(Finding::code).contains("FK_TYPE_NOT_KEYABLE");
    }

    @Test
    void brokenTablesAndRelationshipsAreReported() {
        Architect.Result r = planUnchecked(new Doc()
                .table("a", "A").col("n", "Integer").col("e", "Enum").col("q", "Nonsense")
                .rel("ghosts", "Ghost", "one_to_many", null)
                .rel("a", "A", "sideways", null)
                .table("a", "A2").pk()
                .json());
        assertThat(r.plan()).isNull();
        assertThat(r.findings()).extracting(Finding::code).contains("MISSING_PRIMARY_KEY", "ENUM_NO_VALUES",
                "UNKNOWN_COLUMN_TYPE", "REL_TABLE_NOT_FOUND", "INVALID_RELATIONSHIP_TYPE", "DUPLICATE_TABLE_NAME");
    }

    @Test
    void emptyDocumentPlansToNothing() {
        Architect.Result r = planUnchecked("{\"project_name\": \"p\", \"db_type\": \"sqlite\", \"schema\": []}");
        assertThat(r.findings()).isEmpty();
        assertThat(r.plan().tables()).isEmpty();
    }
}
