package dev.backbone.core.verify.sql;

import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * After the script ran: the database holds every planned table (association tables included)
 * with exactly its planned columns and primary key, and no other table. Read from the engine's
 * own catalog in two flat queries ({@link EmbeddedEngine#columnsQuery()},
 * {@link EmbeddedEngine#primaryKeyQuery()}), so it sees what the engine built, not what the
 * script says, and stays fast for thousands of tables (JDBC metadata asks once per table).
 */
final class StructureCheck {

    private StructureCheck() {}

    /** A table's columns and primary key columns. */
    private record Shape(Set<String> columns, Set<String> primaryKey) {}

    static Check check(Connection c, EmbeddedEngine engine, Plan plan) {
        Map<String, Shape> expected = expected(plan);
        Map<String, Shape> actual;
        try {
            actual = actual(c, engine);
        } catch (SQLException e) {
            return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.SKIPPED,
                    "could not read the database's catalog: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            String table = e.getKey();
            Shape got = actual.get(table);
            if (got == null) {
                problems.add("table " + table + " is missing");
                continue;
            }
            diff(problems, "table " + table + ": column", e.getValue().columns(), got.columns());
            if (!got.primaryKey().equals(e.getValue().primaryKey())) {
                problems.add("table " + table + ": primary key is " + got.primaryKey() + ", planned " + e.getValue().primaryKey());
            }
        }
        for (String t : actual.keySet()) {
            if (!expected.containsKey(t)) {
                problems.add("table " + t + " is not in the plan");
            }
        }
        if (problems.isEmpty()) {
            return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.PASSED, expected.size()
                    + " tables with their planned columns and primary keys");
        }
        return EmbeddedDdlCheck.check(EmbeddedDdlCheck.STRUCTURE, Status.FAILED, String.join("; ", problems));
    }

    private static Map<String, Shape> expected(Plan plan) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (PlannedTable t : plan.tables()) {
            m.put(t.tableName(), new Shape(
                    new TreeSet<>(t.columns().stream().map(PlannedColumn::name).toList()),
                    new TreeSet<>(t.primaryKey().stream().map(PlannedColumn::name).toList())));
        }
        for (AssociationTable a : plan.associations()) {
            Set<String> cols = new TreeSet<>(List.of(a.left().column(), a.right().column()));
            m.put(a.name(), new Shape(cols, cols));
        }
        return m;
    }

    private static Map<String, Shape> actual(Connection c, EmbeddedEngine engine) throws SQLException {
        Map<String, Shape> m = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(engine.columnsQuery())) {
            while (rs.next()) {
                m.computeIfAbsent(rs.getString(1), k -> new Shape(new TreeSet<>(), new TreeSet<>())).columns().add(rs.getString(2));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(engine.primaryKeyQuery())) {
            while (rs.next()) {
                Shape shape = m.get(rs.getString(1));
                if (shape != null) {
                    shape.primaryKey().add(rs.getString(2));
                }
            }
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
}
