package dev.backbone.core.verify.sql;

import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * After the script ran: the database holds every planned table (association tables included)
 * with exactly its planned columns and primary key, and no other table. Read through JDBC
 * metadata, so it sees what the engine built, not what the script says.
 */
final class StructureCheck {

    private StructureCheck() {}

    static Check check(Connection c, Plan plan) {
        List<String> problems = new ArrayList<>();
        Map<String, Expected> expected = expected(plan);
        try {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            Set<String> actualTables = tables(md, schema);
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                String table = e.getKey();
                if (!actualTables.contains(table)) {
                    problems.add("table " + table + " is missing");
                    continue;
                }
                Set<String> columns = columns(md, schema, table);
                diff(problems, "table " + table + ": column", e.getValue().columns(), columns);
                Set<String> pk = primaryKey(md, schema, table);
                if (!pk.equals(e.getValue().primaryKey())) {
                    problems.add("table " + table + ": primary key is " + pk + ", planned " + e.getValue().primaryKey());
                }
            }
            Set<String> extra = new TreeSet<>(actualTables);
            extra.removeAll(expected.keySet());
            extra.forEach(t -> problems.add("table " + t + " is not in the plan"));
        } catch (SQLException e) {
            return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.SKIPPED,
                    "could not read the database's metadata: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.PASSED, expected.size()
                    + " tables with their planned columns and primary keys");
        }
        return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.FAILED, String.join("; ", problems));
    }

    private record Expected(Set<String> columns, Set<String> primaryKey) {}

    private static Map<String, Expected> expected(Plan plan) {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (PlannedTable t : plan.tables()) {
            m.put(t.tableName(), new Expected(
                    new TreeSet<>(t.columns().stream().map(PlannedColumn::name).toList()),
                    new TreeSet<>(t.primaryKey().stream().map(PlannedColumn::name).toList())));
        }
        for (AssociationTable a : plan.associations()) {
            Set<String> cols = new TreeSet<>(List.of(a.left().column(), a.right().column()));
            m.put(a.name(), new Expected(cols, cols));
        }
        return m;
    }

    private static void diff(List<String> problems, String what, Set<String> planned, Set<String> actual) {
        for (String p : planned) {
            if (!actual.contains(p)) {
                problems.add(what + " " + p + " is missing");
            }
        }
        for (String a : actual) {
            if (!planned.contains(a)) {
                problems.add(what + " " + a + " is not in the plan");
            }
        }
    }

    /** Tables of the connection's schema (null for SQLite): the engine's own tables excluded. */
    private static Set<String> tables(DatabaseMetaData md, String schema) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = md.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String tableSchema = rs.getString("TABLE_SCHEM");
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                boolean system = (tableSchema != null && tableSchema.equalsIgnoreCase("information_schema"))
                        || name.startsWith("sqlite_") || type == null
                        || !type.toUpperCase(Locale.ROOT).contains("TABLE") || type.toUpperCase(Locale.ROOT).contains("SYSTEM");
                if (!system) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static Set<String> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = md.getColumns(null, schema, escape(md, table), "%")) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    out.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    private static Set<String> primaryKey(DatabaseMetaData md, String schema, String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    /** {@code _} and {@code %} are wildcards in metadata patterns. */
    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
