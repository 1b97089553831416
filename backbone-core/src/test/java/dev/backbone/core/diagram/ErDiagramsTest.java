package dev.backbone.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.diagram.ErDiagram.End;
import dev.backbone.core.diagram.ErDiagram.Entity;
import dev.backbone.core.diagram.ErDiagram.Link;
import org.junit.jupiter.api.Test;

/** The diagram model follows the foreign keys: which columns, which links, which ends. */
class ErDiagramsTest {

    @Test
    void blogHasEveryTableItsKeysAndOneLinkPerForeignKey() {
        ErDiagram d = ErDiagrams.of(DiagramDocuments.plan("examples/blog_schema.json"));
        assertThat(d.entities()).extracting(Entity::name).containsExactly("users", "posts", "comments");
        Entity posts = d.entities().get(1);
        assertThat(posts.attributes()).extracting(ErDiagram.Attribute::name).containsExactly("id", "slug", "author_id");
        assertThat(posts.attributes().get(0).primaryKey()).isTrue();
        assertThat(posts.attributes().get(1).unique()).isTrue();
        assertThat(posts.attributes().get(2).foreignKey()).isTrue();
        assertThat(d.links()).extracting(l -> l.parent() + "." + l.parentColumn() + " <- " + l.child() + "." + l.column())
                .containsExactly("users.id <- posts.author_id", "users.id <- comments.author_id",
                        "posts.id <- comments.post_id");
        // the blog's foreign keys are nullable: a post may have no author
        assertThat(d.links()).allSatisfy(l -> {
            assertThat(l.parentEnd()).isEqualTo(End.ZERO_OR_ONE);
            assertThat(l.childEnd()).isEqualTo(End.ZERO_OR_MORE);
            assertThat(l.identifying()).isFalse();
        });
    }

    @Test
    void aUniqueOrKeyForeignKeyIsOneToOneAndNotNullIsExactlyOne() {
        ErDiagram d = ErDiagrams.of(DiagramDocuments.plan("backbone-core/src/test/resources/sqlalchemy-corpus/one_to_one.json"));
        Link profile = link(d, "profiles", "user_id");
        assertThat(profile.parentEnd()).isEqualTo(End.EXACTLY_ONE);
        assertThat(profile.childEnd()).isEqualTo(End.ZERO_OR_ONE);
        assertThat(profile.identifying()).isFalse();
        Link passport = link(d, "passports", "id");
        assertThat(passport.parentEnd()).isEqualTo(End.EXACTLY_ONE);
        assertThat(passport.childEnd()).isEqualTo(End.ZERO_OR_ONE);
        assertThat(passport.identifying()).isTrue();
    }

    @Test
    void aManyToManyShowsItsGeneratedAssociationTableWithTwoIdentifyingLinks() {
        ErDiagram d = ErDiagrams.of(DiagramDocuments.plan("backbone-core/src/test/resources/sqlalchemy-corpus/many_to_many.json"));
        assertThat(d.entities()).extracting(Entity::name).contains("posts_tags", "follows", "enrollments", "memberships");
        assertThat(d.links()).filteredOn(l -> l.child().equals("posts_tags"))
                .extracting(Link::parent).containsExactlyInAnyOrder("posts", "tags");
        assertThat(d.links()).filteredOn(l -> l.child().equals("posts_tags")).allSatisfy(l -> {
            assertThat(l.identifying()).isTrue();
            assertThat(l.parentEnd()).isEqualTo(End.EXACTLY_ONE);
            assertThat(l.childEnd()).isEqualTo(End.ZERO_OR_MORE);
        });
        // a self-referencing many_to_many: both keys of `follows` point at users
        assertThat(d.links()).filteredOn(l -> l.child().equals("follows")).extracting(Link::parent)
                .containsExactly("users", "users");
    }

    @Test
    void everyLinkEndsAtAColumnTheDiagramShows() {
        for (String doc : DiagramDocuments.all()) {
            ErDiagram d = ErDiagrams.of(DiagramDocuments.plan(doc));
            for (Link l : d.links()) {
                assertThat(shown(d, l.parent(), l.parentColumn())).as("%s: %s", doc, l).isTrue();
                assertThat(shown(d, l.child(), l.column())).as("%s: %s", doc, l).isTrue();
            }
        }
    }

    private static boolean shown(ErDiagram d, String table, String column) {
        return d.entities().stream().filter(e -> e.name().equals(table))
                .anyMatch(e -> e.attributes().stream().anyMatch(a -> a.name().equals(column)));
    }

    private static Link link(ErDiagram d, String child, String column) {
        return d.links().stream().filter(l -> l.child().equals(child) && l.column().equals(column)).findFirst().orElseThrow();
    }
}
