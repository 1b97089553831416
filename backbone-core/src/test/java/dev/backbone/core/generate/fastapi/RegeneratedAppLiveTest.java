package dev.backbone.core.generate.fastapi;

import static dev.backbone.core.generate.fastapi.FastApiLiveTest.awaitHealth;
import static dev.backbone.core.generate.fastapi.FastApiLiveTest.freePort;
import static dev.backbone.core.generate.fastapi.FastApiLiveTest.get;
import static dev.backbone.core.generate.fastapi.FastApiLiveTest.last;
import static dev.backbone.core.generate.fastapi.FastApiLiveTest.ok;
import static dev.backbone.core.generate.fastapi.FastApiLiveTest.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.sql.TestDatabases;
import dev.backbone.core.regenerate.Regeneration;
import dev.backbone.core.regenerate.Regenerator;
import dev.backbone.core.verify.python.PythonTools;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.write.ProjectWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user's day with a generated app, on a real PostgreSQL: generate the blog, migrate the
 * database, edit a generated router, add a route of one's own and a hook, change the schema (a
 * table and a column added, a column dropped), regenerate through the real regenerator, and
 * migrate the same database to the new revision. The edits survive, {@code alembic check}
 * finds no drift, the generated suite passes over real HTTP against the running app, and the
 * user's own route answers.
 */
class RegeneratedAppLiveTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ROUTER_EDIT = "\n\n# Mine: a note the regeneration must keep.\nMY_CONSTANT = 42\n";

    private static final String CUSTOM_ROUTES = """
            \"\"\"Routes of my own.\"\"\"

            from fastapi import APIRouter

            router = APIRouter()


            @router.get("/custom/ping")
            def ping() -> dict[str, str]:
                return {"ping": "pong"}
            """;

    /** The blog with a table (tags) and a column (posts.views) added, and users.bio dropped. */
    private static String changed(String blog) {
        ObjectNode doc = (ObjectNode) JSON.readTree(blog);
        ArrayNode tables = (ArrayNode) doc.get("schema");
        tables.add(JSON.readTree("""
                {"table_name": "tags", "class_name": "Tag", "columns": [
                  {"name": "id", "type": "Integer", "primary_key": true},
                  {"name": "label", "type": "String", "length": 40, "nullable": false, "unique": true}]}"""));
        for (var t : tables) {
            ArrayNode columns = (ArrayNode) t.get("columns");
            if (t.get("table_name").asString().equals("posts")) {
                columns.add(JSON.readTree("{\"name\": \"views\", \"type\": \"Integer\", \"default\": 0}"));
            }
            if (t.get("table_name").asString().equals("users")) {
                for (int i = columns.size() - 1; i >= 0; i--) {
                    if (columns.get(i).get("name").asString().equals("bio")) {
                        columns.remove(i);
                    }
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static void write(Path dir, String schema) throws Exception {
        GenerationOutcome g = GeneratedApps.outcome(schema);
        List<GeneratedFile> all = new ArrayList<>(g.files());
        all.addAll(Regenerator.stateFiles(g.files(), schema));
        ProjectWriter.write(dir, all, false);
    }

    @Test
    void editsSurviveTheDatabaseMigratesAndTheAppPassesItsTestsOverHttp(@TempDir Path dir) throws Exception {
        String py = PythonTools.require("fastapi", "pytest", "pydantic").interpreter();
        String blog = GeneratedApps.read(GeneratedApps.projectRoot().resolve("examples/blog_schema.json"));
        Path app = dir.resolve("app");
        write(app, blog);
        try (TestDatabases.Db database = TestDatabases.postgres()) {
            Map<String, String> env = Map.of("DATABASE_URL", database.sqlalchemyUrl());
            ok(PythonRun.module(py, app, env, 300, "alembic", "upgrade", "head"), "alembic upgrade head (0001)");

            Path router = app.resolve("app/api/posts.py");
            Files.writeString(router, Files.readString(router) + ROUTER_EDIT);
            Files.writeString(app.resolve("app/api/custom.py"), CUSTOM_ROUTES);
            Path hook = app.resolve("app/services/users.py");
            String hookText = Files.readString(hook).replace("Runs before a row is added", "Runs before a row is added (mine)");
            Files.writeString(hook, hookText);

            String next = changed(blog);
            GenerationOutcome g = GeneratedApps.outcome(next);
            Regeneration.Prepared r = Regeneration.prepare(app, g.files(), next, g.validation(), TemplateRenderer.packaged());
            assertThat(r.plan().hasConflicts()).as("the router edit merges cleanly").isFalse();
            assertThat(r.revision()).as("the schema change is a revision").isNotNull();
            assertThat(r.revision().destructive()).as("users.bio is dropped").isTrue();
            ProjectWriter.apply(app, r.plan());

            assertThat(Files.readString(router)).contains("MY_CONSTANT = 42").contains("views");
            assertThat(Files.readString(app.resolve("app/api/custom.py"))).isEqualTo(CUSTOM_ROUTES);
            assertThat(Files.readString(hook)).isEqualTo(hookText);
            assertThat(app.resolve("app/api/tags.py")).exists();
            assertThat(app.resolve(r.revision().alembicPath())).exists();

            ok(PythonRun.module(py, app, env, 300, "alembic", "upgrade", "head"), "alembic upgrade head (0002)");
            ok(PythonRun.module(py, app, env, 300, "alembic", "check"), "alembic check after the upgrade (no drift)");

            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            Process server = startServer(py, app, env, port, dir.resolve("uvicorn.log"));
            try {
                awaitHealth(base, server, dir.resolve("uvicorn.log"));
                assertThat(get(base + "/custom/ping")).contains("pong");
                assertThat(get(base + "/openapi.json")).contains("\"/tags\"").contains("\"/custom/ping\"").doesNotContain("\"bio\"");
                PythonRun.Result suite = PythonRun.module(py, app, Map.of("TEST_BASE_URL", base, "DATABASE_URL",
                        database.sqlalchemyUrl()), 600, "pytest", "-q", "-p", "no:cacheprovider");
                System.out.println("regenerated blog, live pytest: " + last(suite.output()));
                ok(suite, "the regenerated app's tests over HTTP");
            } finally {
                server.descendants().forEach(ProcessHandle::destroy);
                server.destroy();
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            ok(PythonRun.module(py, app, env, 300, "alembic", "downgrade", "-1"), "alembic downgrade -1 (back to 0001)");
        }
    }
}
