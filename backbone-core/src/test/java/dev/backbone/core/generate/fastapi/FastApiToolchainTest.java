package dev.backbone.core.generate.fastapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.sql.TestDatabases;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.verify.python.PythonTools;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated project (app, models, tests) through the real tools: {@code ruff check} and
 * {@code black --check} over all of them, {@code mypy --strict} per project (one shared cache,
 * kept in {@code target/} between runs), and the generated pytest suite: on SQLite for the
 * examples and the SQLite variants, on a real PostgreSQL and MariaDB (a fresh database per
 * project) for the projects of those database types. Each project is generated once for all
 * checks. Skipped locally without the toolchain or the servers, failed in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastApiToolchainTest {

    private Path root;
    private List<GeneratedApps.App> apps;

    @BeforeAll
    void generate(@TempDir Path dir) {
        root = dir;
        apps = GeneratedApps.generate(root);
    }

    private static String python() {
        return PythonTools.require("fastapi", "pydantic", "ruff", "black", "mypy", "pytest").interpreter();
    }

    @Test
    void everyProjectIsRuffCleanAndBlackFormatted() throws Exception {
        String py = python();
        PythonRun.Result ruff = PythonRun.module(py, root, Map.of(), 600, "ruff", "check", "--no-cache", "--output-format", "concise", ".");
        assertThat(ruff.ok()).as("ruff check over %d projects:%n%s", apps.size(), ruff.output()).isTrue();
        PythonRun.Result black = PythonRun.module(py, root, Map.of(), 600, "black", "--check", ".");
        assertThat(black.ok()).as("black --check:%n%s", black.output()).isTrue();
    }

    @Test
    void everyProjectPassesMypyStrict() throws Exception {
        String py = python();
        Path cache = Path.of("target", "mypy-cache-fastapi").toAbsolutePath();
        Files.createDirectories(cache);
        List<String> failures = new ArrayList<>();
        for (GeneratedApps.App app : apps) {
            List<String> args = new ArrayList<>(List.of("--cache-dir", cache.toString(), "app", "tests"));
            if (Files.isDirectory(app.dir().resolve("migrations"))) {
                args.add("migrations");
            }
            PythonRun.Result r = PythonRun.module(py, app.dir(), Map.of(), 600, "mypy", args.toArray(String[]::new));
            if (!r.ok()) {
                failures.add(app.id() + ":\n" + r.output());
            }
        }
        assertThat(failures).as("mypy --strict over app, tests and migrations").isEmpty();
    }

    @Test
    void generatedTestsPassOnSqlite() throws Exception {
        runSuites(a -> a.id().startsWith("ex_") || a.db() == DbType.SQLITE, app -> Map.of());
    }

    @Test
    void generatedTestsPassOnPostgres() throws Exception {
        python();
        List<TestDatabases.Db> dbs = new ArrayList<>();
        try {
            runSuites(a -> a.db() == DbType.POSTGRESQL, app -> {
                TestDatabases.Db db = TestDatabases.postgres();
                dbs.add(db);
                return Map.of("DATABASE_URL", db.sqlalchemyUrl());
            });
        } finally {
            dbs.forEach(TestDatabases.Db::close);
        }
    }

    @Test
    void generatedTestsPassOnMariaDb() throws Exception {
        python();
        List<TestDatabases.Db> dbs = new ArrayList<>();
        try {
            // not the adversarial document: SQLAlchemy's MySQL dialect writes ENUM labels without
            // escaping backslashes, so its create_all fails there (see MariaDbCreateAllTest)
            runSuites(a -> a.db() == DbType.MYSQL && !a.id().startsWith("adversarial"), app -> {
                TestDatabases.Db db = TestDatabases.mariadb();
                dbs.add(db);
                return Map.of("DATABASE_URL", mysqlUrl(db));
            });
        } finally {
            dbs.forEach(TestDatabases.Db::close);
        }
    }

    /** The SQLAlchemy URL of a MariaDB test database, from its JDBC URL. */
    static String mysqlUrl(TestDatabases.Db db) {
        String jdbc = db.jdbcUrl();
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        String user = "root";
        String password = "";
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                if (kv.startsWith("user=")) {
                    user = kv.substring(5);
                } else if (kv.startsWith("password=")) {
                    password = ":" + kv.substring(9);
                }
            }
        }
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        return "mysql+pymysql://" + user + password + "@" + uri.getHost() + ":" + port + "/" + db.name() + "?charset=utf8mb4";
    }

    interface EnvFor {
        Map<String, String> of(GeneratedApps.App app) throws Exception;
    }

    private void runSuites(Predicate<GeneratedApps.App> which, EnvFor env) throws Exception {
        String py = python();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (GeneratedApps.App app : apps.stream().filter(which).toList()) {
            PythonRun.Result r = PythonRun.module(py, app.dir(), env.of(app), 600, "pytest", "-q", "-p", "no:cacheprovider");
            ran++;
            System.out.println("pytest " + app.id() + ": " + lastLine(r.output()));
            if (!r.ok() || !r.output().contains(" passed")) {
                failures.add(app.id() + ":\n" + r.output());
            }
        }
        assertThat(ran).as("projects whose suite ran").isPositive();
        assertThat(failures).as("generated pytest suites").isEmpty();
    }

    private static String lastLine(String s) {
        String t = s.strip();
        return t.substring(t.lastIndexOf('\n') + 1);
    }
}
