package dev.backbone.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.SchemaReader;
import dev.backbone.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Architect.Prepared}: the architect's visit to each table while the reader binds it. It
 * must give the plan of the document that was read, and only that: a head start made from other
 * tables, or used twice, is ignored and the tables are indexed afresh.
 */
class ArchitectPreparedTest {

    private static final String BLOG = PlanTestSupport.example("blog_schema.json");

    @Test
    void theReaderHandsOverExactlyTheTablesOfItsSchemaInOrder() {
        List<Table> handed = new ArrayList<>();
        Schema schema = SchemaReader.read(BLOG, handed::add).schema();
        assertThat(handed).hasSize(3);
        for (int i = 0; i < handed.size(); i++) {
            assertThat(handed.get(i)).isSameAs(schema.tables().get(i));
        }
    }

    @Test
    void aDocumentThatIsNotJsonGivesNoSchemaWhateverWasHandedOver() {
        List<Table> handed = new ArrayList<>();
        String broken = BLOG.substring(0, BLOG.lastIndexOf(']')) + ",]}";
        SchemaReader.Result r = SchemaReader.read(broken, handed::add);
        assertThat(handed).isNotEmpty();
        assertThat(r.schema()).isNull();
        assertThat(r.findings()).extracting(f -> f.code()).containsExactly("JSON_SYNTAX_ERROR");
    }

    @Test
    void aHeadStartFromAnotherDocumentIsIgnored() {
        Architect architect = new Architect();
        Architect.Prepared prepared = architect.prepare();
        SchemaReader.read(BLOG, prepared);
        String other = new Doc().table("authors", "Author").pk().table("books", "Book").pk().fk("author_id", "authors.id")
                .json();
        Schema schema = SchemaReader.read(other).schema();
        Architect.Result r = architect.plan(schema, prepared);
        assertThat(r.plan()).isEqualTo(new Architect().plan(schema).plan());
        assertThat(r.plan().tables()).extracting(PlannedTable::tableName).containsExactly("authors", "books");
    }

    @Test
    void aHeadStartIsUsedOnceThenTheTablesAreIndexedAfresh() {
        Architect architect = new Architect();
        Architect.Prepared prepared = architect.prepare();
        Schema schema = SchemaReader.read(BLOG, prepared).schema();
        Plan first = architect.plan(schema, prepared).plan();
        Plan second = architect.plan(schema, prepared).plan();
        assertThat(first).isNotNull().isEqualTo(second).isEqualTo(new Architect().plan(schema).plan());
    }

    @Test
    void aPartialHeadStartIsIgnored() {
        Architect architect = new Architect();
        Architect.Prepared prepared = architect.prepare();
        Schema schema = SchemaReader.read(BLOG).schema();
        prepared.accept(schema.tables().get(0));
        assertThat(architect.plan(schema, prepared).plan()).isEqualTo(new Architect().plan(schema).plan());
    }
}
