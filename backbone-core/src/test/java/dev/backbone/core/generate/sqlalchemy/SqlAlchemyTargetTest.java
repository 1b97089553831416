package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the target writes for small documents, read as text (the toolchain tests run it). */
class SqlAlchemyTargetTest {

    private static final String BLOG = Generation.read(Generation.projectRoot().resolve("examples/blog_schema.json"));

    private static Map<String, String> render(String json) {
        return files(Generation.render(Generation.plan(json)));
    }

    private static Map<String, String> files(List<GeneratedFile> files) {
        return files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    /** A document of one or more tables given as raw JSON objects. */
    private static String doc(String db, String... tables) {
        return "{\"project_name\": \"demo\", \"db_type\": \"" + db + "\", \"schema\": [" + String.join(",", tables) + "]}";
    }

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        List<Target> found = Targets.byNames(List.of("sqlalchemy"));
        assertThat(found).singleElement().isInstanceOf(SqlAlchemyTarget.class);
        assertThat(found.get(0).description()).contains("SQLAlchemy 2.0");
    }

    @Test
    void writesTheProjectLayoutAndCountsOneModelPerTable() {
        Plan plan = Generation.plan(BLOG);
        Map<String, String> files = files(new SqlAlchemyTarget().render(plan, TemplateRenderer.packaged()));
        assertThat(files.keySet()).containsExactlyInAnyOrder("app/__init__.py", "app/database.py", "app/models/__init__.py",
                "app/models/base.py", "app/models/mixins.py", "app/models/users.py", "app/models/posts.py",
                "app/models/comments.py", "requirements.txt");
        assertThat(new SqlAlchemyTarget().modelCount(plan)).isEqualTo(3);
        assertThat(files.values()).allSatisfy(text -> assertThat(text).endsWith("\n").doesNotEndWith("\n\n"));
    }

    @Test
    void leavesOutMixinsAndAssociationsNobodyUses() {
        Map<String, String> files = render(doc("sqlite", "{\"table_name\": \"things\", \"class_name\": \"Thing\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}]}"));
        assertThat(files).doesNotContainKeys("app/models/mixins.py", "app/models/associations.py");
        assertThat(files.get("app/models/base.py")).doesNotContain("enum_values", "import enum");
        assertThat(files.get("app/models/things.py")).doesNotContain("Optional", "TYPE_CHECKING", "relationship");
    }

    @Test
    void databaseDefaultsAndRequirementsFollowTheDatabaseType() {
        String table = "{\"table_name\": \"things\", \"class_name\": \"Thing\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}]}";
        assertThat(render(doc("postgresql", table)).get("app/database.py"))
                .contains("DEFAULT_DATABASE_URL = \"postgresql+psycopg2://postgres@localhost:5432/demo\"");
        assertThat(render(doc("mysql", table)).get("requirements.txt")).contains("SQLAlchemy>=2.0,<2.1", "PyMySQL", "aiomysql");
        assertThat(render(doc("sqlite", table)).get("app/database.py")).contains("\"sqlite:///./demo.db\"");
        assertThat(render(doc("mssql", table)).get("requirements.txt")).contains("pyodbc", "aioodbc");
        assertThat(render(doc("mssql", table)).get("app/database.py")).contains("mssql+pyodbc://sa@localhost:1433/demo?driver=");
    }

    @Test
    void rendersTypedColumnsWithDatabaseDefaults() {
        String posts = render(BLOG).get("app/models/posts.py");
        assertThat(posts).contains(
                "class PostStatus(enum.Enum):",
                "    DRAFT = \"draft\"",
                "class Post(TimestampMixin, SoftDeleteMixin, Base):",
                "    __tablename__ = \"posts\"",
                "    slug: Mapped[str] = mapped_column(sa.String(200), nullable=False, unique=True)",
                "sa.Enum(PostStatus, name=\"posts_status\", values_callable=enum_values)",
                "server_default=\"draft\"",
                "    author_id: Mapped[int | None] = mapped_column(\n        sa.Integer(), sa.ForeignKey(\"users.id\"), nullable=True\n    )",
                "    author: Mapped[\"User | None\"] = relationship(back_populates=\"posts\")",
                "    comments: Mapped[list[\"Comment\"]] = relationship(back_populates=\"post\")",
                "if TYPE_CHECKING:\n    from .comments import Comment\n    from .users import User\n");
        assertThat(posts).doesNotContain("Column(");
    }

    @Test
    void renamesKeywordsAndDeclarativeNamesButKeepsTheColumnName() {
        String model = render(doc("postgresql", "{\"table_name\": \"items\", \"class_name\": \"Item\", \"columns\": ["
                + "{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                + "{\"name\": \"class\", \"type\": \"String\", \"length\": 20, \"nullable\": false},"
                + "{\"name\": \"metadata\", \"type\": \"JSON\"}]}")).get("app/models/items.py");
        assertThat(model).contains("    class_: Mapped[str] = mapped_column(\"class\", sa.String(20), nullable=False)",
                "    metadata_: Mapped[Any | None] = mapped_column(\"metadata\", sa.JSON(), nullable=True)");
    }

    @Test
    void defersCycleKeysWithUseAlter() {
        String json = doc("postgresql",
                "{\"table_name\": \"a\", \"class_name\": \"A\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                        + "{\"name\": \"b_id\", \"type\": \"ForeignKey\", \"target\": \"b.id\", \"nullable\": true}]}",
                "{\"table_name\": \"b\", \"class_name\": \"B\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                        + "{\"name\": \"a_id\", \"type\": \"ForeignKey\", \"target\": \"a.id\", \"nullable\": false}]}");
        Map<String, String> files = render(json);
        assertThat(files.get("app/models/a.py")).contains("sa.ForeignKey(\"b.id\", use_alter=True)");
        assertThat(files.get("app/models/b.py")).contains("sa.ForeignKey(\"a.id\")").doesNotContain("use_alter");
    }

    @Test
    void namesConstraintsExplicitlyOnlyWhenTheConventionWouldBeTooLong() {
        String table = "t".repeat(58);
        String column = "c".repeat(10);
        String model = render(doc("postgresql", "{\"table_name\": \"" + table + "\", \"class_name\": \"Long\", \"columns\": ["
                + "{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                + "{\"name\": \"" + column + "\", \"type\": \"String\", \"length\": 5, \"unique\": true},"
                + "{\"name\": \"short\", \"type\": \"Integer\", \"index\": true, \"unique\": true}]}")).get("app/models/" + table + ".py");
        String uq = SqlNames.unique(table, column);
        assertThat(uq).as("SQLAlchemy's own cut: 55 characters, _, 4 hex digits").hasSize(60).startsWith("uq_" + "t".repeat(52) + "_");
        assertThat(model).contains("        sa.UniqueConstraint(\n            \"" + column + "\",\n            name=\"" + uq + "\",\n",
                "        sa.Index(\n            \"" + SqlNames.index(table, "short") + "\",\n            \"short\",\n            unique=True,\n");
        assertThat(model).doesNotContain("unique=True, index=True", "nullable=True, unique=True");
        assertThat(model).doesNotContain("PrimaryKeyConstraint");
        assertThat(SqlNames.primaryKey(table)).isEqualTo("pk_" + table);
    }

    @Test
    void manyToManyGetsAnAssociationTableExportedFromThePackage() {
        String json = doc("postgresql",
                "{\"table_name\": \"posts\", \"class_name\": \"Post\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}],"
                        + "\"relationships\": [{\"target_table\": \"tags\", \"target_class\": \"Tag\", \"type\": \"many_to_many\", \"back_populates\": \"posts\"}]}",
                "{\"table_name\": \"tags\", \"class_name\": \"Tag\", \"columns\": [{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}],"
                        + "\"relationships\": [{\"target_table\": \"posts\", \"target_class\": \"Post\", \"type\": \"many_to_many\", \"back_populates\": \"tags\"}]}");
        Map<String, String> files = render(json);
        assertThat(files.get("app/models/associations.py")).contains("posts_tags = sa.Table(", "\"posts_tags\",",
                "Base.metadata,", "sa.ForeignKey(\"posts.id\", ondelete=\"CASCADE\")", "primary_key=True,");
        assertThat(files.get("app/models/posts.py")).contains(
                "    tags: Mapped[list[\"Tag\"]] = relationship(\n        back_populates=\"posts\", secondary=\"posts_tags\"\n    )\n");
        assertThat(files.get("app/models/__init__.py")).contains("from .associations import posts_tags",
                "__all__ = [\"Base\", \"Post\", \"Tag\", \"posts_tags\"]");
    }

    @Test
    void oneToOneAndSelfReferencesSayWhichSideIsWhich() {
        String json = doc("postgresql", "{\"table_name\": \"nodes\", \"class_name\": \"Node\", \"columns\": ["
                + "{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                + "{\"name\": \"parent_id\", \"type\": \"ForeignKey\", \"target\": \"nodes.id\"}],"
                + "\"relationships\": [{\"target_table\": \"nodes\", \"target_class\": \"Node\", \"type\": \"many_to_one\", \"back_populates\": \"children\"},"
                + "{\"target_table\": \"nodes\", \"target_class\": \"Node\", \"type\": \"one_to_many\", \"back_populates\": \"parent\"}]}",
                "{\"table_name\": \"cards\", \"class_name\": \"Card\", \"columns\": ["
                        + "{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},"
                        + "{\"name\": \"node_id\", \"type\": \"ForeignKey\", \"target\": \"nodes.id\", \"unique\": true, \"nullable\": false}],"
                        + "\"relationships\": [{\"target_table\": \"nodes\", \"target_class\": \"Node\", \"type\": \"one_to_one\"}]}");
        Map<String, String> files = render(json);
        assertThat(files.get("app/models/nodes.py")).contains(
                "parent: Mapped[\"Node | None\"] = relationship(\n        back_populates=\"children\", remote_side=\"Node.id\"\n    )",
                "children: Mapped[list[\"Node\"]] = relationship(back_populates=\"parent\")");
        assertThat(files.get("app/models/cards.py")).as("no mirror: no back_populates")
                .contains("node: Mapped[\"Node\"] = relationship(uselist=False)");
    }

    @Test
    void userTemplatesOverrideByFileNameAndUserTextStillGoesThroughTheFilters(@TempDir Path dir) throws IOException {
        // the renderer trims the newline right after a tag, as for every template
        Files.writeString(dir.resolve("app_init.py.peb"), "# {{ projectName | py_comment }}\n\nDESCRIPTION = {{ description | py_str }}\n\n");
        String json = BLOG.replace("\"Blog backend with Users, Posts, and Comments\"", "\"say \\\"hi\\\"\\n{{ x }}\"");
        List<GeneratedFile> files = new SqlAlchemyTarget().render(Generation.plan(json), new TemplateRenderer(dir));
        assertThat(files(files).get("app/__init__.py")).isEqualTo("# BlogBackend\nDESCRIPTION = 'say \"hi\"\\n{{ x }}'\n");
        assertThat(files(files).get("app/models/base.py")).as("other templates still come from the jar").contains("class Base(DeclarativeBase):");
    }

    @Test
    void refusesANameThatIsNotAnIdentifier() {
        Plan plan = Generation.plan(BLOG);
        Plan broken = new Plan(plan.projectName(), plan.dbType(), plan.description(), List.of(withClass(plan, "Bad Name")),
                plan.associations(), plan.deferred());
        assertThatThrownBy(() -> new SqlAlchemyTarget().render(broken, TemplateRenderer.packaged()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`Bad Name` is not a Python identifier");
    }

    private static dev.backbone.core.plan.PlannedTable withClass(Plan plan, String className) {
        var t = plan.tables().get(0);
        return new dev.backbone.core.plan.PlannedTable(t.tableName(), className, t.moduleName(), t.description(), t.timestamps(),
                t.softDelete(), t.columns(), List.of());
    }
}
