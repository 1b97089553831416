package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.verify.VerifyReport;
import dev.backbone.core.verify.python.CreateAllResult;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Python through the real tools, for the examples and the corpus on every
 * database type: black --check, pyflakes, compile, mypy --strict (one run over all projects),
 * import + {@code create_all} on SQLite (one interpreter for all) and on a real PostgreSQL
 * (a fresh database, one schema per project). Skipped locally without the toolchain or the
 * server, failed in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlAlchemyToolchainTest {

    private Path root;
    private PythonToolchain tc;
    private List<GeneratedCorpus.Case> cases;
    private List<String> files;

    @BeforeAll
    void generate(@TempDir Path dir) {
        root = dir;
        cases = GeneratedCorpus.generate(root);
        files = cases.stream().flatMap(c -> c.pythonFiles().stream()).toList();
    }

    private PythonToolchain tools(String... modules) {
        if (tc == null) {
            tc = PythonTools.require(modules);
        } else {
            PythonTools.require(modules);
        }
        return tc;
    }

    @Test
    void everyFileCompilesIsPyflakesCleanAndBlackFormatted() {
        PythonToolchain py = tools("pyflakes", "black");
        List<VerifyReport.Check> checks = new ArrayList<>();
        checks.addAll(py.checkSyntax(root, files));
        checks.addAll(py.checkPyflakes(root, files));
        checks.addAll(py.checkBlack(root, files));
        assertThat(checks).hasSize(3 * files.size());
        assertAllPassed(checks);
    }

    @Test
    void everyProjectPassesMypyStrict() {
        List<VerifyReport.Check> checks = tools("mypy").checkMypy(root, files);
        assertThat(checks).hasSize(files.size());
        assertAllPassed(checks);
    }

    @Test
    void everyProjectImportsAndCreatesItsTablesOnSqlite() {
        PythonToolchain py = tools();
        List<CreateAllResult> results = py.createAll(root, packages(cases), null, Map.of());
        assertCreated(cases, results);
    }

    @Test
    void postgresqlProjectsCreateTheirTablesOnARealPostgres() {
        PythonToolchain py = tools();
        List<GeneratedCorpus.Case> pg = cases.stream().filter(c -> c.db() == DbType.POSTGRESQL).toList();
        Map<String, String> schemas = new LinkedHashMap<>();
        pg.forEach(c -> schemas.put(c.pkg(), c.id()));
        try (PostgresTestDb db = PostgresTestDb.create()) {
            List<CreateAllResult> results = py.createAll(root, packages(pg), db.sqlalchemyUrl(), schemas);
            assertCreated(pg, results);
        }
    }

    /** The blog models used as an application would, on SQLite and on PostgreSQL: rows in, rows out. */
    @Test
    void theBlogModelsStoreAndLoadRowsThroughTheirRelationships() throws Exception {
        PythonToolchain py = tools();
        String script;
        try (var in = getClass().getResourceAsStream("blog_round_trip.py")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> urls = new ArrayList<>(List.of("sqlite://"));
        try (PostgresTestDb db = PostgresTestDb.create()) {
            urls.add(db.sqlalchemyUrl());
            for (String url : urls) {
                String config = "{\"package\": \"ex_blog_schema.app\", \"url\": \"" + url + "\"}";
                PythonToolchain.ScriptResult r = py.runScript(root, script, List.of(config));
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                assertThat(r.stdout().strip()).isEqualTo("{\"status\": \"draft\", \"status_member\": true, \"author\": \"ada\","
                        + " \"comments\": [\"Nice\"], \"user_posts\": [\"hello\"], \"user_comments\": [\"hello\"],"
                        + " \"created_at_set\": true, \"is_deleted\": false}");
            }
        }
    }

    private static List<String> packages(List<GeneratedCorpus.Case> cases) {
        return cases.stream().map(GeneratedCorpus.Case::pkg).toList();
    }

    private static void assertCreated(List<GeneratedCorpus.Case> cases, List<CreateAllResult> results) {
        assertThat(results).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            GeneratedCorpus.Case c = cases.get(i);
            CreateAllResult r = results.get(i);
            assertThat(r.pkg()).isEqualTo(c.pkg());
            assertThat(r.ok()).as("%s (%s): %s", c.id(), c.source(), r.error()).isTrue();
            assertThat(r.tables()).as(c.id()).containsExactlyElementsOf(c.expectedTables());
        }
    }

    static void assertAllPassed(List<VerifyReport.Check> checks) {
        List<VerifyReport.Check> bad = checks.stream().filter(c -> c.status() != VerifyReport.Status.PASSED).toList();
        assertThat(bad).as(() -> bad.stream().map(c -> c.check() + " " + c.status() + " " + c.path() + ": " + c.message())
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
