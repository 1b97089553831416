package dev.backbone.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import org.junit.jupiter.api.Test;

class SyntheticSchemasTest {

    @Test
    void generatedSchemasAreValidRealisticAndStable() {
        String text = SyntheticSchemas.generate(300);
        assertThat(SyntheticSchemas.generate(300)).isEqualTo(text);
        ValidationOutcome out = new Workflow().validate(text, Limits.DEFAULTS, WorkflowListener.NONE);
        assertThat(out.errors()).isEmpty();
        assertThat(out.warnings()).isEmpty();
        assertThat(out.valid()).isTrue();
        assertThat(out.plan().tables()).hasSize(300);
        for (PlannedTable t : out.plan().tables()) {
            assertThat(t.declaredColumns().size()).isBetween(8, 10);
            assertThat(t.relationships()).allSatisfy(r -> assertThat(r.backPopulates()).isNotNull());
        }
        long keys = out.plan().tables().stream().flatMap(t -> t.columns().stream()).filter(c -> c.isForeignKey()).count();
        assertThat(keys).isGreaterThan(300);
        assertThat(out.plan().usesTimestamps()).isTrue();
        assertThat(out.plan().usesSoftDelete()).isTrue();
        assertThat(out.plan().buildOrder().get(0)).isEqualTo("item_0");
    }

    @Test
    void oneTableIsAValidDocumentToo() {
        ValidationOutcome out = new Workflow().validate(SyntheticSchemas.generate(1), Limits.DEFAULTS, WorkflowListener.NONE);
        assertThat(out.valid()).isTrue();
        assertThat(out.buildOrder()).containsExactly("item_0");
    }
}
