package dev.backbone.core.generate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.DbType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code schema.sql} must do on a database engine, whatever the engine: every planned table
 * and column exists and nothing else (so no text escaped its literal to add or drop a
 * statement), descriptions read back exactly where the engine keeps them, every enum label is
 * accepted and reads back exactly, and defaults (adversarial strings included) read back
 * exactly. One subclass per engine says how to reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaSqlContract {

    /** The dialect whose schema.sql this engine runs. */
    abstract DbType db();

    /** A fresh, empty database; closing it drops it. */
    abstract TestDatabases.Db open();

    /** Runs the whole script the way a user would (the engine's own parser, not BackBone's splitter). */
    abstract void runScript(Connection c, String sql) throws SQLException;

    /** Whether the engine keeps descriptions (PostgreSQL, MySQL) or only the script shows them. */
    abstract boolean keepsComments();

    /** The JDBC metadata schema (and catalog) holding the tables. */
    abstract String schema(Connection c) throws SQLException;

    String catalog(Connection c) throws SQLException {
        return null;
    }

    /** A description as the engine stores it (identity, except where the engine cannot store every character). */
    String storedComment(String text) {
        return text;
    }

    /** An SQL expression that makes a bound string a value of the enum column (a cast on PostgreSQL). */
    String enumParameter(PlannedColumn.EnumType e) {
        return "?";
    }

    /** Plans to run here: the hand-built ones, then the examples and the corpus documents through the workflow. */
    Stream<Named<Plan>> plans() {
        return Stream.concat(SqlTestPlans.all(db()).stream().map(p -> Named.of("hand-built/" + p.projectName(), p)),
                WorkflowPlans.all(db()));
    }

    static String render(Plan plan) {
        return new SqlTarget().render(plan, TemplateRenderer.packaged()).get(0).content();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void buildsExactlyThePlannedTablesAndColumnsWithTheirDescriptions(Plan plan) throws SQLException {
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            DatabaseMetaData md = c.getMetaData();
            assertThat(actualColumns(md, catalog(c), schema(c))).isEqualTo(plannedColumns(plan));
            if (keepsComments()) {
                Map<String, String> expected = new TreeMap<>();
                plannedComments(plan).forEach((k, v) -> expected.put(k, storedComment(v)));
                assertThat(actualComments(md, catalog(c), schema(c))).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyEnumLabelIsAcceptedAndReadsBackExactly() throws SQLException {
        Plan plan = SqlTestPlans.everything(db());
        SqlDialect d = SqlDialect.of(db());
        PlannedColumn role = plan.table("user").column("role");
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            String insert = "INSERT INTO " + d.identifier("user") + " (name, " + d.identifier("group") + ", role) VALUES (?, ?, "
                    + enumParameter(role.enumType()) + ")";
            List<String> labels = role.enumType().values();
            for (int i = 0; i < labels.size(); i++) {
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    ps.setString(1, "label" + i);
                    ps.setString(2, "group" + i);
                    ps.setString(3, labels.get(i));
                    ps.executeUpdate();
                }
            }
            List<String> back = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT role FROM " + d.identifier("user") + " ORDER BY id")) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
            assertThat(back).containsExactlyElementsOf(labels);
            if (rejectsUnknownEnumLabels()) {
                assertThatThrownBy(() -> {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        ps.setString(1, "bad");
                        ps.setString(2, "bad");
                        ps.setString(3, "not a label");
                        ps.executeUpdate();
                    }
                }).isInstanceOf(SQLException.class);
            }
        }
    }

    /** Native enums (PostgreSQL, MySQL) refuse other values; the VARCHAR ones do not (no CHECK, as SQLAlchemy). */
    boolean rejectsUnknownEnumLabels() {
        return db() == DbType.POSTGRESQL || db() == DbType.MYSQL;
    }

    @Test
    void defaultsReadBackExactly() throws SQLException {
        Plan plan = SqlTestPlans.everything(db());
        SqlDialect d = SqlDialect.of(db());
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + d.identifier("user") + " (name) VALUES ('defaults')");
                try (ResultSet rs = s.executeQuery("SELECT " + d.identifier("group") + ", role, active, born, wakes, balance,"
                        + " score, visits, token, is_deleted, created_at, signature FROM " + d.identifier("user"))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(SqlTestPlans.ADVERSARIAL[3]);
                    assertThat(rs.getString(2)).isEqualTo(SqlTestPlans.ADVERSARIAL[3]);
                    assertThat(rs.getBoolean(3)).isTrue();
                    assertThat(rs.getString(4)).isEqualTo("2000-01-31");
                    assertThat(rs.getString(5)).startsWith("07:30:00");
                    assertThat(rs.getBigDecimal(6)).isEqualByComparingTo(new BigDecimal("-10.50"));
                    assertThat(rs.getDouble(7)).isEqualTo(1.5);
                    assertThat(rs.getLong(8)).isZero();
                    assertThat(rs.getString(9).replace("-", "").toLowerCase(Locale.ROOT)).isEqualTo("0e984725c51c4bf49960e1c80e27aba0");
                    assertThat(rs.getBoolean(10)).isFalse();
                    assertThat(rs.getString(11)).isNotNull();
                    assertThat(rs.getString(12)).isEqualTo(SqlTestPlans.SIGNATURE);
                }
            }
        }
    }

    @Test
    void theDeferredForeignKeyExistsAndTheCycleCanBeFilled() throws SQLException {
        Plan plan = SqlTestPlans.everything(db());
        SqlDialect d = SqlDialect.of(db());
        try (TestDatabases.Db db = open(); Connection c = db.connect()) {
            runScript(c, render(plan));
            Set<String> fks = new TreeSet<>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(catalog(c), schema(c), "group")) {
                while (rs.next()) {
                    fks.add(rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
                }
            }
            assertThat(fks).containsExactlyInAnyOrder("owner_id->user.id", "featured_order_id->order.id");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + d.identifier("user") + " (name) VALUES ('owner')");
                s.executeUpdate("INSERT INTO " + d.identifier("group") + " (title, owner_id) VALUES ('g', 1)");
                s.executeUpdate("INSERT INTO " + d.identifier("order") + " (group_id) VALUES (1)");
                s.executeUpdate("UPDATE " + d.identifier("group") + " SET featured_order_id = 1");
                s.executeUpdate("INSERT INTO tag (code) VALUES ('t')");
                s.executeUpdate("INSERT INTO order_tag (order_id, tag_code) VALUES (1, 't')");
            }
        }
    }

    /** After a client ran the corpus's {@code everything}: a row of defaults reads back the adversarial defaults exactly. */
    static void assertClientKeptTheDefaults(Connection c, SqlDialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + d.identifier("user") + " (name) VALUES ('client')");
            try (ResultSet rs = s.executeQuery("SELECT " + d.identifier("group") + ", role, signature FROM " + d.identifier("user"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(SqlTestPlans.ADVERSARIAL[3]);
                assertThat(rs.getString(2)).isEqualTo(SqlTestPlans.ADVERSARIAL[3]);
                assertThat(rs.getString(3)).isEqualTo(SqlTestPlans.SIGNATURE);
            }
        }
    }

    static Map<String, Set<String>> plannedColumns(Plan plan) {
        Map<String, Set<String>> m = new TreeMap<>();
        for (PlannedTable t : plan.tables()) {
            m.put(t.tableName(), new TreeSet<>(t.columns().stream().map(PlannedColumn::name).toList()));
        }
        for (AssociationTable a : plan.associations()) {
            m.put(a.name(), new TreeSet<>(List.of(a.left().column(), a.right().column())));
        }
        return m;
    }

    /** Descriptions by {@code table} and {@code table.column}. */
    static Map<String, String> plannedComments(Plan plan) {
        Map<String, String> m = new TreeMap<>();
        for (PlannedTable t : plan.tables()) {
            if (t.description() != null) {
                m.put(t.tableName(), t.description());
            }
            for (PlannedColumn c : t.columns()) {
                if (c.description() != null) {
                    m.put(t.tableName() + "." + c.name(), c.description());
                }
            }
        }
        return m;
    }

    static Map<String, Set<String>> actualColumns(DatabaseMetaData md, String catalog, String schema) throws SQLException {
        Map<String, Set<String>> m = new TreeMap<>();
        for (String table : tables(md, catalog, schema)) {
            m.put(table, new TreeSet<>());
        }
        try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                Set<String> cols = m.get(rs.getString("TABLE_NAME"));
                if (cols != null) {
                    cols.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return m;
    }

    static Map<String, String> actualComments(DatabaseMetaData md, String catalog, String schema) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        Set<String> tables = tables(md, catalog, schema);
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String remarks = rs.getString("REMARKS");
                if (remarks != null && !remarks.isEmpty()) {
                    m.put(rs.getString("TABLE_NAME"), remarks);
                }
            }
        }
        try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                String remarks = rs.getString("REMARKS");
                if (tables.contains(rs.getString("TABLE_NAME")) && remarks != null && !remarks.isEmpty()) {
                    m.put(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"), remarks);
                }
            }
        }
        return m;
    }

    static Set<String> tables(DatabaseMetaData md, String catalog, String schema) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }
}
