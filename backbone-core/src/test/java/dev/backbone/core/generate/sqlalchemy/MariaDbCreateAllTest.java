package dev.backbone.core.generate.sqlalchemy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.testsupport.Requirements;
import dev.backbone.core.verify.python.PythonToolchain;
import dev.backbone.core.verify.python.PythonTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mysql variants of the corpus and the examples: the DDL {@code create_all} runs, compiled by
 * SQLAlchemy's MySQL dialect (no Python MySQL driver needed), executed statement by statement on
 * a real MariaDB, each project in a fresh database; every planned table must exist afterwards.
 *
 * <p>Not the adversarial document: SQLAlchemy 2.0's MySQL dialect writes ENUM labels without
 * escaping backslashes ({@code _visit_enumerated_values}), so a label holding one breaks
 * {@code create_all} on MySQL/MariaDB (unless the server runs with NO_BACKSLASH_ESCAPES); its
 * comments and defaults are escaped correctly. {@code schema.sql} escapes all of them.
 */
class MariaDbCreateAllTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theModelsDdlRunsOnMariaDb(@TempDir Path dir) throws Exception {
        PythonToolchain py = PythonTools.require();
        String url = Requirements.env("BACKBONE_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        Requirements.require(answers(url), "MariaDB at " + url.replaceAll("password=[^&]*", "password=***") + " (BACKBONE_TEST_MYSQL_URL)");
        List<GeneratedCorpus.Case> cases = GeneratedCorpus.generate(dir).stream().filter(c -> c.db() == DbType.MYSQL)
                .filter(c -> !c.id().startsWith("adversarial")).toList();
        assertThat(cases).isNotEmpty();
        String config = JSON.writeValueAsString(Map.of("packages", cases.stream().map(GeneratedCorpus.Case::pkg).toList(),
                "url", "mysql+pymysql://"));
        PythonToolchain.ScriptResult r = py.runScript(dir, script(), List.of(config));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode results = JSON.readTree(r.stdout().strip());
        for (int i = 0; i < cases.size(); i++) {
            GeneratedCorpus.Case c = cases.get(i);
            List<String> statements = new ArrayList<>();
            results.get(i).get("statements").forEach(s -> statements.add(s.asString()));
            assertThat(run(url, statements)).as(c.id()).containsExactlyElementsOf(c.expectedTables());
        }
    }

    /** Runs the statements in a fresh database and returns its tables, sorted; drops the database. */
    private static List<String> run(String url, List<String> statements) throws SQLException {
        String name = "bb_sa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            try (Connection c = DriverManager.getConnection(url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"));
                    Statement st = c.createStatement()) {
                for (String sql : statements) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError("MariaDB refused:\n" + sql + "\n" + e.getMessage(), e);
                    }
                }
                TreeSet<String> tables = new TreeSet<>();
                try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + name + "'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                return List.copyOf(tables);
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static boolean answers(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String script() throws IOException {
        try (InputStream in = MariaDbCreateAllTest.class.getResourceAsStream("ddl_dump.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
