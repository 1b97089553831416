package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The differ and its findings over the migration corpus, without a database. */
class SchemaChangeTest {

    @ParameterizedTest
    @EnumSource(value = DbType.class, names = {"SQLITE", "POSTGRESQL", "MYSQL", "MSSQL"})
    void everyPairIsAChangeAndDestructiveOnesSaySoWithAPosition(DbType db) {
        for (MigrationCorpus.Pair p : MigrationCorpus.pairs(db)) {
            MigrationPlan plan = SchemaChange.between(p.oldSide(), p.newSide(), 2);
            assertThat(plan.upgrade()).as(p.id() + " upgrade").isNotEmpty();
            assertThat(plan.downgrade()).as(p.id() + " downgrade").isNotEmpty();
            List<Finding> destructive = plan.findings().stream()
                    .filter(f -> f.code().equals(FindingCode.DESTRUCTIVE_CHANGE.name())).toList();
            assertThat(plan.destructive()).as(p.id() + " destructive on " + db).isEqualTo(p.destructive());
            assertThat(!destructive.isEmpty()).as(p.id() + " DESTRUCTIVE_CHANGE").isEqualTo(p.destructive());
            destructive.forEach(f -> assertThat(f.line()).as(p.id() + " " + f).isPositive());
            assertThat(plan.findings()).allSatisfy(f -> assertThat(FindingCode.valueOf(f.code()).template()
                    .matches(f.message())).as(p.id() + " " + f).isTrue());
            assertThat(plan.revision()).isEqualTo("0002");
            assertThat(plan.alembicPath()).startsWith("migrations/versions/0002_").endsWith(".py");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbType.class, names = {"SQLITE", "POSTGRESQL", "MYSQL"})
    void aSchemaComparedWithItselfNeedsNoRevision(DbType db) {
        for (MigrationCorpus.Pair p : MigrationCorpus.pairs(db)) {
            assertThat(SchemaChange.between(p.newSide(), p.newSide(), 2).upgrade()).as(p.id()).isEmpty();
        }
    }

    @Test
    void aRenameIsARenameNotADropAndAnAdd() {
        MigrationCorpus.Pair p = MigrationCorpus.pairs(DbType.POSTGRESQL).stream()
                .filter(x -> x.id().startsWith("42_")).findFirst().orElseThrow();
        MigrationPlan plan = SchemaChange.between(p.oldSide(), p.newSide(), 2);
        assertThat(plan.upgrade()).anyMatch(op -> op instanceof MigrationOp.RenameTable r && r.from().equals("authors")
                && r.to().equals("writers"));
        assertThat(plan.upgrade()).anyMatch(op -> op instanceof MigrationOp.RenameColumn r && r.from().name().equals("name")
                && r.to().name().equals("full_name"));
        assertThat(plan.upgrade()).noneMatch(op -> op instanceof MigrationOp.DropTable || op instanceof MigrationOp.DropColumn);
        assertThat(plan.downgrade()).anyMatch(op -> op instanceof MigrationOp.RenameTable r && r.from().equals("writers"));
        assertThat(TextRenderer.render(plan)).contains("rename table authors to writers");
    }

    @Test
    void notNullWithoutDefaultIsReportedAtTheColumn() {
        MigrationCorpus.Pair p = MigrationCorpus.pairs(DbType.POSTGRESQL).get(0);
        String changed = MigrationProjects.read(MigrationCorpus.folder().resolve("03_add_nullable_column/new.json"))
                .replace("\"name\": \"subtitle\",", "\"name\": \"subtitle\", \"nullable\": false,");
        var v = MigrationProjects.validate(changed);
        MigrationPlan plan = SchemaChange.between(p.oldSide(), new SchemaChange.Side(v.schema(), v.plan()), 2);
        assertThat(plan.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("NOT_NULL_WITHOUT_DEFAULT");
            assertThat(f.message()).contains("books.subtitle");
            assertThat(f.path()).startsWith("/schema/1/columns/");
        });
    }

    @Test
    void renamedFromIsValidated() {
        String doc = """
                {"project_name": "p", "db_type": "sqlite", "schema": [
                  {"table_name": "a", "class_name": "A", "renamed_from": "b", "columns": [
                    {"name": "id", "type": "Integer", "primary_key": true},
                    {"name": "x", "type": "Integer", "renamed_from": "y"},
                    {"name": "z", "type": "Integer", "renamed_from": "y"},
                    {"name": "w", "type": "Integer", "renamed_from": "w"}]},
                  {"table_name": "b", "class_name": "B", "columns": [{"name": "id", "type": "Integer", "primary_key": true}]}]}
                """;
        List<Finding> f = MigrationProjects.validate(doc).findings();
        assertThat(f).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("RENAMED_FROM_CONFLICT");
            assertThat(x.message()).contains("table", "still in the schema");
            assertThat(x.path()).isEqualTo("/schema/0/renamed_from");
            assertThat(x.line()).isEqualTo(2);
        });
        assertThat(f).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("RENAMED_FROM_CONFLICT");
            assertThat(x.message()).contains("both renamed from");
            assertThat(x.path()).isEqualTo("/schema/0/columns/2/renamed_from");
        });
        assertThat(f).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo("INVALID_RENAMED_FROM");
            assertThat(x.path()).isEqualTo("/schema/0/columns/3/renamed_from");
        });
        assertThat(f).noneMatch(x -> x.code().equals("UNKNOWN_FIELD"));
    }
}
