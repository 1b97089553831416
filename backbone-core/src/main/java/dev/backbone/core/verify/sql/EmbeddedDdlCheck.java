package dev.backbone.core.verify.sql;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.sql.Ddl;
import dev.backbone.core.generate.sql.DdlBuilder;
import dev.backbone.core.generate.sql.SqlDialect;
import dev.backbone.core.generate.sql.SqlTarget;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-JVM half of the code_validator for {@code schema.sql} ({@code --verify fast}): counts
 * the script's statements against the plan, executes them on the embedded database for the
 * dialect ({@link EmbeddedEngine}), then checks that every planned table and column exists
 * with its primary key. Three checks, all on path {@code schema.sql}:
 * <ul>
 *   <li>{@code sql_statements}: as many statements as the plan calls for, no more (a string
 *       that escaped its literal would add one);</li>
 *   <li>{@code sql_executes}: every statement runs; a failure names the statement and its line;</li>
 *   <li>{@code sql_structure}: the database holds exactly the planned tables, columns and keys.</li>
 * </ul>
 */
public final class EmbeddedDdlCheck {

    public static final String STATEMENTS = "sql_statements";
    public static final String EXECUTES = "sql_executes";
    public static final String STRUCTURE = "sql_structure";

    /** Checks the {@code schema.sql} among {@code files}; no checks when there is none (the sql target was not chosen). */
    public List<Check> check(Plan plan, List<GeneratedFile> files) {
        return files.stream().filter(f -> f.path().equals(SqlTarget.FILE)).findFirst()
                .map(f -> check(plan, f.content()))
                .orElse(List.of());
    }

    public List<Check> check(Plan plan, String sql) {
        SqlDialect dialect = SqlDialect.of(plan.dbType());
        List<SqlScript.Statement> statements = SqlScript.split(sql, dialect);
        List<Check> checks = new ArrayList<>();
        checks.add(countCheck(plan, dialect, statements));
        EmbeddedEngine engine = EmbeddedEngine.of(dialect);
        try (Connection c = engine.connect()) {
            Check executed = execute(c, engine, statements);
            checks.add(executed);
            if (executed.status() == Status.PASSED) {
                checks.add(StructureCheck.check(c, engine, plan));
            } else {
                checks.add(check(STRUCTURE, Status.SKIPPED, "not checked: the script did not execute"));
            }
        } catch (SQLException e) {
            checks.add(check(EXECUTES, Status.SKIPPED, "could not open " + engine.label() + ": " + firstLine(e)));
            checks.add(check(STRUCTURE, Status.SKIPPED, "not checked: no embedded database"));
        }
        return checks;
    }

    private static Check countCheck(Plan plan, SqlDialect dialect, List<SqlScript.Statement> statements) {
        int expected = expectedStatements(new DdlBuilder(dialect).build(plan), dialect);
        if (statements.size() == expected) {
            return check(STATEMENTS, Status.PASSED, statements.size() + " statements, as the plan calls for");
        }
        return check(STATEMENTS, Status.FAILED, "the script has " + statements.size() + " statements where the plan calls for "
                + expected + " (an unescaped text that ends its literal adds statements; a template override may too)");
    }

    /** Statements the plan calls for in its dialect's schema.sql. */
    public static int expectedStatementsFor(Plan plan) {
        SqlDialect dialect = SqlDialect.of(plan.dbType());
        return expectedStatements(new DdlBuilder(dialect).build(plan), dialect);
    }

    /** Statements the plan calls for: enum types, tables, indexes, COMMENT ONs, deferred keys. */
    static int expectedStatements(Ddl.Script script, SqlDialect dialect) {
        int n = script.enums().size() + script.tables().size() + script.deferred().size();
        for (Ddl.Table t : script.tables()) {
            n += t.indexes().size();
            if (dialect.isCommentOn()) {
                n += (t.description() == null ? 0 : 1) + (int) t.columns().stream().filter(c -> c.description() != null).count();
            }
        }
        return n;
    }

    private static Check execute(Connection c, EmbeddedEngine engine, List<SqlScript.Statement> statements) {
        for (SqlScript.Statement st : statements) {
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                return check(EXECUTES, Status.FAILED, "statement " + st.index() + " (line " + st.line() + ") failed on "
                        + engine.label() + ": " + firstLine(e));
            }
        }
        return check(EXECUTES, Status.PASSED, "executed " + statements.size() + " statements on " + engine.label()
                + engine.emulationNote());
    }

    static Check check(String name, Status status, String message) {
        return new Check(SqlTarget.FILE, name, status, message);
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
