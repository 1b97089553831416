package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTargetTest {

    private static String render(Plan plan) {
        List<GeneratedFile> files = new SqlTarget().render(plan, TemplateRenderer.packaged());
        assertThat(files).extracting(GeneratedFile::path).containsExactly("schema.sql");
        return files.get(0).content();
    }

    @Test
    void isRegisteredAsSql() {
        assertThat(Targets.byNames(List.of("sql")).get(0)).isInstanceOf(SqlTarget.class);
    }

    @Test
    void tablesInBuildOrderThenAssociationsThenDeferredKeys() {
        String sql = render(SqlTestPlans.everything(DbType.POSTGRESQL));
        assertThat(sql).containsSubsequence("CREATE TYPE user_role", "CREATE TYPE user_mood", "CREATE TABLE \"user\" (",
                "CREATE TABLE \"group\" (", "CREATE TABLE \"order\" (", "CREATE TABLE tag (", "CREATE TABLE order_tag (",
                "ALTER TABLE \"group\" ADD CONSTRAINT fk_group_featured_order_id_order FOREIGN KEY (featured_order_id)"
                        + " REFERENCES \"order\" (id) ON DELETE SET NULL;");
        // the deferred key is not also declared inside the CREATE TABLE
        assertThat(sql).containsOnlyOnce("fk_group_featured_order_id_order");
    }

    @Test
    void sqliteDeclaresTheDeferredKeyInlineAndSaysWhy() {
        String sql = render(SqlTestPlans.everything(DbType.SQLITE));
        assertThat(sql).doesNotContainPattern("(?m)^ALTER TABLE");
        assertThat(sql).contains("    -- fk_group_featured_order_id_order breaks a cycle: declared inline because SQLite cannot"
                + " ALTER TABLE ADD CONSTRAINT (it checks foreign keys lazily).\n"
                + "    CONSTRAINT fk_group_featured_order_id_order FOREIGN KEY (featured_order_id) REFERENCES \"order\" (id)"
                + " ON DELETE SET NULL\n);");
    }

    @Test
    void uniqueAndIndexFollowTheAgreement() {
        Plan plan = PlanFixtures.plan("U", DbType.POSTGRESQL).table("t", t -> t.id()
                .col("u", ColumnType.INTEGER, c -> c.unique())
                .col("i", ColumnType.INTEGER, c -> c.index())
                .col("ui", ColumnType.INTEGER, c -> c.unique().index())).build();
        String sql = render(plan);
        assertThat(sql).contains("    CONSTRAINT uq_t_u UNIQUE (u)\n);\n")
                .contains("CREATE INDEX ix_t_i ON t (i);\n")
                .contains("CREATE UNIQUE INDEX ix_t_ui ON t (ui);\n")
                .doesNotContain("uq_t_ui").doesNotContain("uq_t_i ").doesNotContain("ix_t_u ");
    }

    @Test
    void associationKeysCascadeAndFormThePrimaryKey() {
        String sql = render(SqlTestPlans.everything(DbType.MYSQL));
        assertThat(sql).contains("""
                -- Association table of a many-to-many relationship.
                CREATE TABLE order_tag (
                    order_id BIGINT NOT NULL,
                    tag_code VARCHAR(40) NOT NULL,
                    CONSTRAINT pk_order_tag PRIMARY KEY (order_id, tag_code),
                    CONSTRAINT fk_order_tag_order_id_order FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE,
                    CONSTRAINT fk_order_tag_tag_code_tag FOREIGN KEY (tag_code) REFERENCES tag (code) ON DELETE CASCADE
                );
                """);
    }

    @Test
    void commentsPerDialect() {
        Plan pg = SqlTestPlans.everything(DbType.POSTGRESQL);
        assertThat(render(pg)).contains("COMMENT ON TABLE \"user\" IS 'it''s a ''quoted'' \"text\"';\n")
                .contains("COMMENT ON COLUMN \"user\".bio IS E'line one\\nline two\\r\\nline three';\n");
        assertThat(render(SqlTestPlans.everything(DbType.MYSQL)))
                .contains(") COMMENT='it''s a ''quoted'' \"text\"';\n")
                .contains("    name VARCHAR(80) NOT NULL COMMENT 'back\\\\slash \\\\'' \\\\\\\\ end\\\\',\n");
        assertThat(render(SqlTestPlans.everything(DbType.MSSQL)))
                .contains("-- user: it's a 'quoted' \"text\"\nCREATE TABLE [user] (\n")
                .contains("    -- line one line two  line three\n    bio VARCHAR(max),\n")
                .doesNotContain("COMMENT ON").doesNotContain("COMMENT '");
    }

    @Test
    void templateSyntaxInUserTextIsNotEvaluated() {
        assertThat(render(SqlTestPlans.everything(DbType.POSTGRESQL)))
                .contains("COMMENT ON COLUMN \"user\".role IS '{{ pebble }} {% if x %} {# c #}';");
    }

    @Test
    void headerNamesTheProjectTheDialectAndTheBuildOrder() {
        assertThat(render(SqlTestPlans.blog(DbType.SQLITE))).startsWith("""
                -- BlogBackend: database schema for sqlite
                -- Blog backend with Users, Posts, and Comments
                -- Generated by BackBone. Tables in build order: users, posts, comments.

                CREATE TABLE users (
                """);
    }

    @Test
    void aTemplateCanBeOverriddenByFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("alter_foreign_key.sql.peb"),
                "ALTER TABLE {{ fk.table | ident }} ADD CONSTRAINT {{ fk.name | ident }} FOREIGN KEY ({{ fk.column | ident }})"
                        + " REFERENCES {{ fk.refTable | ident }} ({{ fk.refColumn | ident }}) DEFERRABLE INITIALLY DEFERRED;\n");
        String sql = new SqlTarget().render(SqlTestPlans.everything(DbType.POSTGRESQL), new TemplateRenderer(dir)).get(0).content();
        assertThat(sql).contains("REFERENCES \"order\" (id) DEFERRABLE INITIALLY DEFERRED;\n")
                .contains("CREATE TABLE \"user\" (");
    }

    /** A long-lived process (the service, the CLI's daemon) renders with the folder as it is now, not as it was. */
    @Test
    void anEditedOverrideIsUsedByTheNextRenderer(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("alter_foreign_key.sql.peb");
        Files.writeString(t, "-- first {{ fk.name }};\n");
        String first = new SqlTarget().render(SqlTestPlans.everything(DbType.POSTGRESQL), new TemplateRenderer(dir)).get(0).content();
        Files.writeString(t, "-- second, longer {{ fk.name }};\n");
        String second = new SqlTarget().render(SqlTestPlans.everything(DbType.POSTGRESQL), new TemplateRenderer(dir)).get(0).content();
        assertThat(first).contains("-- first ");
        assertThat(second).contains("-- second, longer ").doesNotContain("-- first ");
    }

    @Test
    void sameInputSameOutput() {
        assertThat(render(SqlTestPlans.everything(DbType.MSSQL))).isEqualTo(render(SqlTestPlans.everything(DbType.MSSQL)));
    }
}
