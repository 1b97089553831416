package dev.backbone.core.plan;

import static dev.backbone.core.plan.PlanTestSupport.codes;
import static dev.backbone.core.plan.PlanTestSupport.example;
import static dev.backbone.core.plan.PlanTestSupport.plan;
import static dev.backbone.core.plan.PlanTestSupport.planOk;
import static dev.backbone.core.plan.PlanTestSupport.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.plan.PlanTestSupport.Doc;
import dev.backbone.core.plan.PlanTestSupport.Result;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.validate.Finding;
import org.junit.jupiter.api.Test;

class RelationshipPlanTest {

    private static PlannedRelationship rel(Plan p, String table, String attribute) {
        return p.table(table).relationships().stream().filter(r -> r.attribute().equals(attribute)).findFirst()
                .orElseThrow(() -> new AssertionError(table + " has no relationship " + attribute + ": "
                        + p.table(table).relationships()));
    }

    @Test
    void blogPairsEverySideWithItsMirror() {
        Plan p = planOk(example("blog_schema.json"));
        assertThat(p.buildOrder()).containsExactly("users", "posts", "comments");
        assertThat(plan(example("blog_schema.json")).findings()).isEmpty();
        PlannedRelationship author = rel(p, "posts", "author");
        assertThat(author.type()).isEqualTo(RelationshipType.MANY_TO_ONE);
        assertThat(author.targetClass()).isEqualTo("User");
        assertThat(author.targetModule()).isEqualTo("users");
        assertThat(author.backPopulates()).isEqualTo("posts");
        assertThat(author.foreignKeyColumn()).isNull();
        assertThat(rel(p, "users", "posts").backPopulates()).isEqualTo("author");
        assertThat(rel(p, "users", "comments").backPopulates()).isEqualTo("author");
        assertThat(rel(p, "comments", "author").backPopulates()).isEqualTo("comments");
        assertThat(rel(p, "comments", "post").backPopulates()).isEqualTo("comments");
        assertThat(rel(p, "posts", "comments").backPopulates()).isEqualTo("post");
        assertThat(p.tables()).flatExtracting(PlannedTable::relationships)
                .allSatisfy(r -> assertThat(r.selfReferential()).isFalse());
    }

    @Test
    void ecommerceAndSimplePlanWithoutFindings() {
        Plan e = planOk(example("ecommerce_schema.json"));
        assertThat(e.buildOrder()).containsExactly("users", "categories", "products", "orders", "order_items");
        assertThat(plan(example("ecommerce_schema.json")).findings()).isEmpty();
        assertThat(rel(e, "order_items", "order").backPopulates()).isEqualTo("order_items");
        assertThat(rel(e, "orders", "order_items").backPopulates()).isEqualTo("order");
        assertThat(rel(e, "products", "category").targetClass()).isEqualTo("Category");
        assertThat(e.table("orders").column("status").enumType().className()).isEqualTo("OrderStatus");

        Plan s = planOk(example("simple_schema.json"));
        assertThat(s.buildOrder()).containsExactly("users", "posts");
        assertThat(rel(s, "posts", "author").backPopulates()).isEqualTo("posts");
        assertThat(rel(s, "posts", "author").description()).isEqualTo("Post author");
        assertThat(s.table("posts").column("author_id").foreignKey().onDelete()).isEqualTo("CASCADE");
    }

    @Test
    void relationshipWithoutMirrorWarnsAndRendersNoBackPopulates() {
        String json = new Doc()
                .table("users", "User").pk().rel("posts", "Post", "one_to_many", "writer")
                .table("posts", "Post").pk().fk("author_id", "users.id")
                .json();
        Result r = plan(json);
        assertThat(codes(r)).containsExactly("MISSING_BACK_POPULATES");
        Finding f = r.findings().get(0);
        assertThat(f.path()).isEqualTo("/schema/0/relationships/0");
        assertThat(f.message()).contains("User.posts", "`posts` declares no many_to_one back to `users`", "`writer`");
        PlannedRelationship posts = rel(r.plan(), "users", "posts");
        assertThat(posts.backPopulates()).isNull();
        assertThat(r.plan().table("posts").relationships()).isEmpty();
    }

    @Test
    void manyToOneWithoutMirrorIsNamedAfterItsKey() {
        Plan p = plan(new Doc()
                .table("users", "User").pk()
                .table("posts", "Post").pk().fk("author_id", "users.id").rel("users", "User", "many_to_one", null)
                .table("notes", "Note").pk().fk("owner", "users.id").rel("users", "User", "many_to_one", null)
                .json()).plan();
        assertThat(rel(p, "posts", "author").backPopulates()).isNull();
        assertThat(rel(p, "notes", "user").targetTable()).isEqualTo("users");
    }

    @Test
    void derivedNameAvoidsTakenAttributes() {
        Plan p = plan(new Doc()
                .table("users", "User").pk().col("posts", "Integer").rel("posts", "Post", "one_to_many", null)
                .table("posts", "Post").pk().fk("user_id", "users.id")
                .json()).plan();
        assertThat(p.table("users").relationships()).extracting(PlannedRelationship::attribute).containsExactly("posts_2");
    }

    @Test
    void oneToOnePairsBothSides() {
        Plan p = planOk(new Doc()
                .table("users", "User").pk().rel("profiles", "Profile", "one_to_one", "user")
                .table("profiles", "Profile").pk().col("user_id", "ForeignKey", "\"target\": \"users.id\"",
                        "\"unique\": true").rel("users", "User", "one_to_one", "profile")
                .json());
        PlannedRelationship profile = rel(p, "users", "profile");
        assertThat(profile.type()).isEqualTo(RelationshipType.ONE_TO_ONE);
        assertThat(profile.uselist()).isFalse();
        assertThat(profile.backPopulates()).isEqualTo("user");
        assertThat(rel(p, "profiles", "user").backPopulates()).isEqualTo("profile");
    }

    @Test
    void manyToManyGetsOneAssociationTable() {
        Plan p = planOk(new Doc()
                .table("students", "Student").pk().rel("courses", "Course", "many_to_many", "students")
                .table("courses", "Course").col("code", "String", "\"length\": 12", "\"primary_key\": true")
                .rel("students", "Student", "many_to_many", "courses")
                .json());
        assertThat(p.associations()).hasSize(1);
        AssociationTable a = p.associations().get(0);
        assertThat(a.name()).isEqualTo("courses_students");
        assertThat(a.left()).isEqualTo(new AssociationTable.Side("courses_id", "courses", "code", ColumnType.STRING,
                "fk_courses_students_courses_id_courses"));
        assertThat(a.right()).isEqualTo(new AssociationTable.Side("students_id", "students", "id", ColumnType.INTEGER,
                "fk_courses_students_students_id_students"));
        assertThat(rel(p, "students", "courses").secondary()).isEqualTo("courses_students");
        assertThat(rel(p, "courses", "students").secondary()).isEqualTo("courses_students");
        assertThat(rel(p, "courses", "students").backPopulates()).isEqualTo("courses");
        assertThat(rel(p, "courses", "students").uselist()).isTrue();
    }

    @Test
    void aGeneratedAssociationNameFitsPostgresIdentifiers() {
        String left = "organisation_membership_subscriptions";
        String right = "organisation_membership_benefit_catalogue_items";
        Plan p = planOk(new Doc()
                .table(left, "Subscription").pk().rel(right, "Benefit", "many_to_many", "subscriptions")
                .table(right, "Benefit").pk().rel(left, "Subscription", "many_to_many", "benefits")
                .json());
        String name = p.associations().get(0).name();
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith(right + "_").matches(".*_[0-9a-f]{4}");
        assertThat(rel(p, left, "benefits").secondary()).isEqualTo(name);
    }

    @Test
    void manyToManyUsesADeclaredAssociationTable() {
        Plan p = planOk(new Doc()
                .table("students", "Student").pk()
                .rel("courses", "Course", "many_to_many", "students", "\"secondary\": \"enrollments\"")
                .table("courses", "Course").pk().rel("students", "Student", "many_to_many", "courses")
                .table("enrollments", "Enrollment").pk().fkNotNull("student_id", "students.id")
                .fkNotNull("course_id", "courses.id").col("grade", "String", "\"length\": 2")
                .json());
        assertThat(p.associations()).isEmpty();
        assertThat(rel(p, "courses", "students").secondary()).isEqualTo("enrollments");
        assertThat(rel(p, "students", "courses").secondary()).isEqualTo("enrollments");
    }

    @Test
    void secondaryNamingATableWithOtherColumnsIsAConflict() {
        Result r = plan(new Doc()
                .table("students", "Student").pk()
                .rel("courses", "Course", "many_to_many", "students", "\"secondary\": \"enrollments\"")
                .table("courses", "Course").pk().rel("students", "Student", "many_to_many", "courses")
                .table("enrollments", "Enrollment").pk().fkNotNull("student_id", "students.id")
                .fkNotNull("course_id", "courses.id").col("grade", "String", "\"length\": 2", "\"nullable\": false")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "SECONDARY_TABLE_CONFLICT")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/0/relationships/0/secondary"));
    }

    @Test
    void twoManyToManyOnTheSameTablesCannotShareTheGeneratedTable() {
        Result r = plan(new Doc()
                .table("users", "User").pk()
                .rel("groups", "Group", "many_to_many", "members")
                .rel("groups", "Group", "many_to_many", "admins")
                .table("groups", "Group").pk()
                .rel("users", "User", "many_to_many", "groups")
                .rel("users", "User", "many_to_many", "administered_groups")
                .json());
        assertThat(withCode(r, "SECONDARY_TABLE_CONFLICT")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/0/relationships/1"));
    }

    @Test
    void selfReferenceParentAndChildren() {
        String json = new Doc()
                .table("categories", "Category").pk().fk("parent_id", "categories.id")
                .rel("categories", "Category", "many_to_one", "children")
                .rel("categories", "Category", "one_to_many", "parent")
                .json();
        Plan p = planOk(json);
        PlannedRelationship parent = rel(p, "categories", "parent");
        assertThat(parent.type()).isEqualTo(RelationshipType.MANY_TO_ONE);
        assertThat(parent.selfReferential()).isTrue();
        assertThat(parent.remoteSide()).isEqualTo("id");
        assertThat(parent.backPopulates()).isEqualTo("children");
        PlannedRelationship children = rel(p, "categories", "children");
        assertThat(children.type()).isEqualTo(RelationshipType.ONE_TO_MANY);
        assertThat(children.remoteSide()).isNull();
        assertThat(children.backPopulates()).isEqualTo("parent");
        assertThat(plan(json).findings()).isEmpty();
    }

    @Test
    void selfReferenceWithoutMirrorIsNamedParent() {
        Result r = plan(new Doc()
                .table("categories", "Category").pk().fk("parent_id", "categories.id")
                .rel("categories", "Category", "many_to_one", null)
                .json());
        assertThat(codes(r)).containsExactly("MISSING_BACK_POPULATES");
        assertThat(rel(r.plan(), "categories", "parent").remoteSide()).isEqualTo("id");
    }

    @Test
    void selfManyToManyNamesTheRemoteAssociationColumn() {
        Plan p = planOk(new Doc()
                .table("users", "User").pk()
                .rel("users", "User", "many_to_many", "followers")
                .rel("users", "User", "many_to_many", "following")
                .json());
        assertThat(p.associations()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("users_users");
            assertThat(a.left().column()).isEqualTo("users_id");
            assertThat(a.right().column()).isEqualTo("related_users_id");
        });
        assertThat(rel(p, "users", "following").remoteSide()).isEqualTo("related_users_id");
        assertThat(rel(p, "users", "followers").remoteSide()).isEqualTo("users_id");
        assertThat(rel(p, "users", "following").backPopulates()).isEqualTo("followers");
    }

    @Test
    void severalKeysArePairedByForeignKeyAndNamedForTheGenerator() {
        Plan p = planOk(new Doc()
                .table("users", "User").pk()
                .rel("posts", "Post", "one_to_many", "editor")
                .rel("posts", "Post", "one_to_many", "author")
                .table("posts", "Post").pk().fk("author_id", "users.id").fk("editor_id", "users.id")
                .rel("users", "User", "many_to_one", "authored_posts", "\"foreign_key\": \"author_id\"")
                .rel("users", "User", "many_to_one", "edited_posts", "\"foreign_key\": \"editor_id\"")
                .json());
        PlannedRelationship author = rel(p, "posts", "author");
        assertThat(author.backPopulates()).isEqualTo("authored_posts");
        assertThat(author.foreignKeyColumn()).isEqualTo("author_id");
        assertThat(author.foreignKeyTable()).isEqualTo("posts");
        PlannedRelationship edited = rel(p, "users", "edited_posts");
        assertThat(edited.backPopulates()).isEqualTo("editor");
        assertThat(edited.foreignKeyColumn()).isEqualTo("editor_id");
        assertThat(edited.foreignKeyTable()).isEqualTo("posts");
        assertThat(rel(p, "users", "authored_posts").foreignKeyColumn()).isEqualTo("author_id");
    }

    @Test
    void severalKeysWithoutAnyHintAreAmbiguous() {
        Result r = plan(new Doc()
                .table("users", "User").pk()
                .table("posts", "Post").pk().fk("author_id", "users.id").fk("editor_id", "users.id")
                .rel("users", "User", "many_to_one", "posts")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "REL_AMBIGUOUS_FOREIGN_KEY")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/schema/1/relationships/0");
            assertThat(f.message()).contains("`posts.author_id`, `posts.editor_id`", "foreign_key");
        });
    }

    @Test
    void relationshipWithoutAnyKeyIsReported() {
        Result r = plan(new Doc()
                .table("users", "User").pk().rel("posts", "Post", "one_to_many", "author")
                .table("posts", "Post").pk().rel("users", "User", "many_to_one", "posts")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "REL_NO_FOREIGN_KEY")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/schema/1/relationships/0");
            assertThat(f.message()).contains("`user_id`", "users.id");
        });
    }

    @Test
    void foreignKeyNamingNoKeyIsReportedAtTheField() {
        Result r = plan(new Doc()
                .table("users", "User").pk()
                .table("posts", "Post").pk().fk("author_id", "users.id")
                .rel("users", "User", "many_to_one", null, "\"foreign_key\": \"writer_id\"")
                .json());
        assertThat(withCode(r, "REL_FOREIGN_KEY_NOT_FOUND")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/schema/1/relationships/0/foreign_key");
            assertThat(f.message()).contains("`writer_id`", "`posts.author_id`");
        });
        assertThat(codes(r)).doesNotContain("REL_NO_FOREIGN_KEY", "REL_AMBIGUOUS_FOREIGN_KEY");
    }

    @Test
    void mirrorOfTheWrongTypeIsAMismatch() {
        Result r = plan(new Doc()
                .table("users", "User").pk().fk("post_id", "posts.id").rel("posts", "Post", "one_to_many", "author")
                .table("posts", "Post").pk().fk("author_id", "users.id").rel("users", "User", "one_to_many", "posts")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "BACK_POPULATES_MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/1/relationships/0/type"));
        assertThat(codes(r)).doesNotContain("MISSING_BACK_POPULATES");
    }

    @Test
    void backPopulatesNamingAColumnIsADuplicate() {
        Result r = plan(new Doc()
                .table("users", "User").pk().col("email", "String", "\"length\": 100")
                .rel("posts", "Post", "one_to_many", "author")
                .table("posts", "Post").pk().fk("author_id", "users.id").rel("users", "User", "many_to_one", "email")
                .json());
        assertThat(r.plan()).isNull();
        assertThat(withCode(r, "DUPLICATE_RELATIONSHIP_NAME")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/schema/1/relationships/0/back_populates");
            assertThat(f.message()).contains("`email`", "column `email`");
        });
    }

    @Test
    void twoRelationshipsNamedAlikeAreADuplicate() {
        Result r = plan(new Doc()
                .table("users", "User").pk()
                .rel("posts", "Post", "one_to_many", "user")
                .rel("comments", "Comment", "one_to_many", "user")
                .table("posts", "Post").pk().fk("user_id", "users.id").rel("users", "User", "many_to_one", "items")
                .table("comments", "Comment").pk().fk("user_id", "users.id").rel("users", "User", "many_to_one", "items")
                .json());
        assertThat(withCode(r, "DUPLICATE_RELATIONSHIP_NAME")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("/schema/2/relationships/0/back_populates"));
    }

    @Test
    void pairingIsDeterministic() {
        String json = example("blog_schema.json");
        assertThat(planOk(json)).isEqualTo(planOk(json));
    }
}
