package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Targets;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.testsupport.Requirements;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of TARGETS.md on PostgreSQL: the database built by running {@code schema.sql} and
 * the one built by importing the generated models and calling {@code Base.metadata.create_all}
 * are identical: columns (type with length and precision, nullability, default expression,
 * comment), primary, unique and foreign keys (names, columns, references, ON DELETE), indexes,
 * enum types and labels, table comments, sequences. Examples, the SQL corpus and the
 * sqlalchemy target's corpus, all through the workflow.
 */
class PgCatalogComparisonTest {

    static Stream<String> documents() {
        List<String> docs = new ArrayList<>(WorkflowPlans.examples());
        docs.addAll(WorkflowPlans.corpus());
        docs.addAll(WorkflowPlans.sqlalchemyCorpus());
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void schemaSqlAndCreateAllBuildTheSameDatabase(String document, @TempDir Path dir) throws Exception {
        Requirements.require(Targets.names().contains("sqlalchemy"), "the sqlalchemy target on the class path");
        List<GeneratedFile> files = WorkflowPlans.generate(document, DbType.POSTGRESQL, List.of("sqlalchemy", "sql"));
        String sql = files.stream().filter(f -> f.path().equals(SqlTarget.FILE)).findFirst().orElseThrow().content();
        PgCatalog fromSql;
        PgCatalog fromModels;
        try (TestDatabases.Db db = TestDatabases.postgres(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            fromSql = PgCatalog.of(c);
        }
        try (TestDatabases.Db db = TestDatabases.postgres()) {
            CreateAllRunner.createAll(files, dir, db.sqlalchemyUrl());
            try (Connection c = db.connect()) {
                fromModels = PgCatalog.of(c);
            }
        }
        assertThat(fromSql.lines()).as("catalog of schema.sql").isNotEmpty();
        assertThat(fromSql.diff(fromModels)).as("- only from schema.sql, + only from create_all").isEmpty();
    }

    /** The comparison itself can fail: one changed default shows up as a two-line diff. */
    @Test
    void theComparisonSeesADifference() throws Exception {
        String sql = SchemaSqlContract.render(SqlTestPlans.blog(DbType.POSTGRESQL));
        PgCatalog a;
        PgCatalog b;
        try (TestDatabases.Db db = TestDatabases.postgres(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
            a = PgCatalog.of(c);
        }
        try (TestDatabases.Db db = TestDatabases.postgres(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql.replace("DEFAULT 'draft'", "DEFAULT 'published'"));
            b = PgCatalog.of(c);
        }
        assertThat(a.lines()).contains("column posts.status type=posts_status notnull=false default='draft'::posts_status comment=-",
                "constraint posts fk_posts_author_id_users FOREIGN KEY (author_id) REFERENCES users(id)",
                "index posts CREATE INDEX ix_posts_is_deleted ON public.posts USING btree (is_deleted)",
                "enum posts_status labels='draft', 'published', 'archived'",
                "sequence users_id_seq type=integer");
        assertThat(a.diff(b)).containsExactly(
                "- column posts.status type=posts_status notnull=false default='draft'::posts_status comment=-",
                "+ column posts.status type=posts_status notnull=false default='published'::posts_status comment=-");
    }
}
