package dev.backbone.core.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.testsupport.Requirements;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code migration_driver.py} for one database server over many cases in one Python
 * process, and fails with every problem of every case. PostgreSQL from
 * {@code BACKBONE_TEST_PG_URL}, MariaDB from {@code BACKBONE_TEST_MYSQL_URL}; a server that does
 * not answer skips locally and fails in CI.
 */
final class MigrationDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One case: a project upgraded from {@code old} (null: from an empty database) to {@code now}. */
    record Case(String id, Path old, Path now, List<List<String>> kept) {}

    private MigrationDriver() {}

    /** The admin SQLAlchemy URL of the server for the dialect (null for SQLite); skips when it does not answer. */
    static String admin(DbType db) {
        if (db == DbType.SQLITE) {
            return null;
        }
        if (db == DbType.POSTGRESQL) {
            URI uri = URI.create(Requirements.env("BACKBONE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"));
            String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String db0 = uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1);
            String[] up = user.split(":", 2);
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + db0 + "?user=" + up[0]
                    + (up.length > 1 ? "&password=" + up[1] : "") + "&connectTimeout=3";
            Requirements.require(answers(jdbc), "PostgreSQL at " + uri.getHost() + ":" + port + " (BACKBONE_TEST_PG_URL)");
            return "postgresql+psycopg2://" + user + "@" + uri.getHost() + ":" + port + "/" + db0;
        }
        String url = Requirements.env("BACKBONE_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        Requirements.require(answers(url + (url.contains("?") ? "&" : "?") + "connectTimeout=3000"),
                "MariaDB (BACKBONE_TEST_MYSQL_URL)");
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> q = new LinkedHashMap<>();
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        String user = q.getOrDefault("user", "root") + (q.containsKey("password") && !q.get("password").isEmpty()
                ? ":" + q.get("password") : "");
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        return "mysql+pymysql://" + user + "@" + uri.getHost() + ":" + port + uri.getPath() + "?charset=utf8mb4";
    }

    private static boolean answers(String jdbc) {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            return c.isValid(3);
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs every case on the dialect's server; returns problems by case id (empty lists when all is well). */
    static Map<String, List<String>> run(DbType db, Path workdir, List<Case> cases) throws IOException {
        String admin = admin(db);
        PythonToolchain py = PythonTools.require();
        PythonToolchain.ScriptResult probe = py.runScript(workdir, "import alembic, psycopg2, pymysql", List.of());
        Requirements.require(probe.exitCode() == 0, "Alembic, psycopg2 and PyMySQL for " + py.interpreter() + ": " + probe.stderr().strip());
        Path result = workdir.resolve("result-" + db.wire() + ".json");
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Case c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("old", c.old() == null ? null : c.old().toAbsolutePath().toString());
            m.put("new", c.now().toAbsolutePath().toString());
            m.put("kept", c.kept());
            cs.add(m);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("dialect", db == DbType.MYSQL ? "mysql" : db.wire());
        config.put("admin", admin);
        config.put("workdir", workdir.toAbsolutePath().toString());
        // SQLite files on tmpfs where there is one: the driver commits often, and fsync on a shared disk dominates
        Path shm = Path.of("/dev/shm");
        Path sqliteDir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "bb-mig-") : workdir;
        config.put("sqlite_dir", sqliteDir.toAbsolutePath().toString());
        config.put("result", result.toAbsolutePath().toString());
        config.put("cases", cs);
        String script;
        try (InputStream in = MigrationDriver.class.getResourceAsStream("migration_driver.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PythonToolchain.ScriptResult r;
        try {
            r = py.runScript(workdir, script, List.of(JSON.writeValueAsString(config)));
        } finally {
            if (!sqliteDir.equals(workdir)) {
                dev.backbone.core.write.ProjectWriter.deleteTree(sqliteDir);
            }
        }
        assertThat(r.exitCode()).as("driver failed:\n" + r.stderr() + r.stdout()).isZero();
        JsonNode results = JSON.readTree(Files.readString(result));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode n : results) {
            List<String> problems = new ArrayList<>();
            n.get("problems").forEach(p -> problems.add(p.asString()));
            out.put(n.get("id").asString(), problems);
        }
        return out;
    }
}
