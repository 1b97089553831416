package dev.backbone.core.generate.fastapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.sql.TestDatabases;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.verify.python.PythonTools;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.write.ProjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated app, live: {@code alembic upgrade head} on an empty PostgreSQL or MariaDB
 * database, {@code uvicorn} on a random loopback port, then over real HTTP the generated suite
 * ({@code TEST_BASE_URL}: every route of every table: list, read, create, update, delete, the
 * one-to-many and many-to-many routes) and the property test ({@code api_property.py}: random
 * valid and invalid requests per route never give a 5xx; every 2xx body validates against the
 * app's own {@code /openapi.json}); afterwards {@code alembic check} reports no drift and
 * {@code alembic downgrade base} leaves no table. For the blog example and a corpus with
 * composite keys, a self reference, one_to_one, many_to_many and soft delete.
 */
class FastApiLiveTest {

    private static final int REQUESTS_PER_ROUTE = 12;

    static Stream<Arguments> cases() {
        Path blog = GeneratedApps.projectRoot().resolve("examples/blog_schema.json");
        Path relations = GeneratedApps.projectRoot().resolve("backbone-core/src/test/resources/fastapi-live/relations.json");
        return Stream.of(Arguments.of("blog", blog, DbType.POSTGRESQL), Arguments.of("relations", relations, DbType.POSTGRESQL),
                Arguments.of("blog", blog, DbType.MYSQL), Arguments.of("relations", relations, DbType.MYSQL));
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("cases")
    void everyRouteWorksOverHttpOnAMigratedDatabase(String name, Path doc, DbType db, @TempDir Path dir) throws Exception {
        String py = PythonTools.require("fastapi", "pytest", "pydantic").interpreter();
        String json = GeneratedApps.read(doc).replaceFirst("\"db_type\": \"postgresql\"", "\"db_type\": \"" + db.wire() + "\"");
        GenerationOutcome out = GeneratedApps.outcome(json);
        Path app = dir.resolve("app");
        ProjectWriter.write(app, out.files(), false);
        assertThat(app.resolve("alembic.ini")).as("the migrations target's files").exists();
        try (TestDatabases.Db database = db == DbType.POSTGRESQL ? TestDatabases.postgres() : TestDatabases.mariadb()) {
            String url = db == DbType.POSTGRESQL ? database.sqlalchemyUrl() : FastApiToolchainTest.mysqlUrl(database);
            Map<String, String> env = Map.of("DATABASE_URL", url);
            ok(PythonRun.module(py, app, env, 300, "alembic", "upgrade", "head"), "alembic upgrade head");
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            Process server = startServer(py, app, env, port, dir.resolve("uvicorn.log"));
            try {
                awaitHealth(base, server, dir.resolve("uvicorn.log"));
                String openapi = get(base + "/openapi.json");
                for (PlannedTable t : out.validation().plan().tables()) {
                    assertThat(openapi).as("routes of " + t.tableName()).contains("\"/" + t.tableName() + "\"");
                }
                PythonRun.Result suite = PythonRun.module(py, app, Map.of("TEST_BASE_URL", base, "DATABASE_URL", url), 600,
                        "pytest", "-q", "-p", "no:cacheprovider");
                System.out.println("live pytest " + name + " on " + db + ": " + last(suite.output()));
                ok(suite, "the generated tests over HTTP");
                Path script = dir.resolve("api_property.py");
                try (InputStream in = FastApiLiveTest.class.getResourceAsStream("api_property.py")) {
                    Files.copy(in, script);
                }
                PythonRun.Result property = runScript(py, app, env, script, base);
                System.out.println("property " + name + " on " + db + ": " + last(property.output()));
                ok(property, "random requests: no 5xx, 2xx bodies match /openapi.json");
            } finally {
                server.descendants().forEach(ProcessHandle::destroy);
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            ok(PythonRun.module(py, app, env, 300, "alembic", "check"), "alembic check (no drift)");
            ok(PythonRun.module(py, app, env, 300, "alembic", "downgrade", "base"), "alembic downgrade base");
            String tables = inspectTables(py, app, env);
            assertThat(tables.strip()).as("tables after downgrade base (besides alembic_version)").isEqualTo("[]");
        }
    }

    private static PythonRun.Result runScript(String py, Path app, Map<String, String> env, Path script, String base)
            throws IOException, InterruptedException {
        Path runner = app.resolve("_run_property.py");
        Files.writeString(runner, "import runpy, sys\nsys.argv = [" + quote(script.toString()) + ", " + quote(base) + ", \""
                + REQUESTS_PER_ROUTE + "\", \"11\"]\nrunpy.run_path(sys.argv[0], run_name=\"__main__\")\n", StandardCharsets.UTF_8);
        try {
            return PythonRun.module(py, app, env, 900, "_run_property");
        } finally {
            Files.deleteIfExists(runner);
        }
    }

    private static String inspectTables(String py, Path app, Map<String, String> env) throws Exception {
        Path probe = app.resolve("_tables_left.py");
        Files.writeString(probe, "import os\nimport sqlalchemy as sa\nengine = sa.create_engine(os.environ[\"DATABASE_URL\"])\n"
                + "names = sorted(n for n in sa.inspect(engine).get_table_names() if n != \"alembic_version\")\n"
                + "print(names)\n", StandardCharsets.UTF_8);
        try {
            PythonRun.Result r = PythonRun.module(py, app, env, 120, "_tables_left");
            ok(r, "inspect the tables");
            return last(r.output());
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static Process startServer(String py, Path app, Map<String, String> env, int port, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(py, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--log-level", "warning").directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("PYTHONPATH");
        pb.environment().putAll(env);
        return pb.start();
    }

    static void awaitHealth(String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("uvicorn exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("uvicorn did not answer /health within 120 s: " + Files.readString(log));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + url).isEqualTo(200);
        return r.body();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void ok(PythonRun.Result r, String what) {
        assertThat(r.exitCode()).as(what + ":%n%s", r.output()).isZero();
    }

    static String last(String s) {
        String t = s.strip();
        return t.substring(t.lastIndexOf('\n') + 1);
    }
}
