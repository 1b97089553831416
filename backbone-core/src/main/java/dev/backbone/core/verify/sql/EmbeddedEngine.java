package dev.backbone.core.verify.sql;

import dev.backbone.core.generate.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The embedded database that stands in for each dialect inside the JVM: SQLite itself (in
 * memory) for sqlite, H2 2.x in the matching compatibility mode for the others. H2 is an
 * emulation: it accepts the DDL a real server accepts in almost every case BackBone generates,
 * but it is not the server, and the reports say so.
 *
 * <p>H2 reserves words that the real servers do not (VALUE, YEAR, MONTH, DAY, ...). The
 * generator quotes only the dialect's reserved words, so a column named {@code value} is correct
 * for PostgreSQL but a syntax error in H2. Each H2 connection therefore declares those words
 * non-keywords ({@code NON_KEYWORDS}): H2's keywords minus the ones the dialect quotes anyway.
 */
public record EmbeddedEngine(String url, String label, String emulationNote, String columnsQuery, String primaryKeyQuery) {

    /** SQLite: (table, column) of every column of every table; the second query only primary key columns. */
    private static final String SQLITE_COLUMNS = "SELECT m.name, p.name FROM sqlite_schema m"
            + " JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'";
    private static final String SQLITE_PRIMARY_KEYS = SQLITE_COLUMNS + " AND p.pk > 0";

    /**
     * H2: the same from its information schema, current schema only. H2 builds these tables row by
     * row; the join must match on {@code table_name} (the column H2 can look up directly), else it
     * grows with the square of the tables.
     */
    private static final String H2_COLUMNS = "SELECT table_name, column_name FROM information_schema.columns"
            + " WHERE table_schema = CURRENT_SCHEMA";
    private static final String H2_PRIMARY_KEYS = "SELECT u.table_name, u.column_name FROM information_schema.table_constraints t"
            + " JOIN information_schema.key_column_usage u ON u.table_name = t.table_name"
            + " AND u.constraint_name = t.constraint_name AND u.table_schema = t.table_schema"
            + " WHERE t.table_schema = CURRENT_SCHEMA AND t.constraint_type = 'PRIMARY KEY'";

    /** H2 2.x keywords (H2 "Keywords / Reserved Words" page). */
    private static final String H2_KEYWORDS = "all and any array as asymmetric authorization between both case cast"
            + " check constraint cross current_catalog current_date current_path current_role current_schema"
            + " current_time current_timestamp current_user day default distinct else end except exists false fetch"
            + " for foreign from full group groups having hour if ilike in inner intersect interval is join key"
            + " leading left like limit localtime localtimestamp minus minute month natural not null offset on or"
            + " order over partition primary qualify range regexp right row rownum rows second select session_user"
            + " set some symmetric system_user table to top trailing true uescape union unique unknown user using"
            + " value values when where window with year";

    /** H2's compatibility mode for a dialect, and the server it stands in for. */
    private record H2Mode(String mode, String server) {}

    private static final Map<SqlDialect, H2Mode> H2_MODES = Map.of(
            SqlDialect.POSTGRESQL, new H2Mode("PostgreSQL", "PostgreSQL"),
            SqlDialect.MYSQL, new H2Mode("MySQL", "MySQL/MariaDB"),
            SqlDialect.MSSQL, new H2Mode("MSSQLServer", "SQL Server"));

    public static EmbeddedEngine of(SqlDialect dialect) {
        H2Mode h2 = H2_MODES.get(dialect);
        if (h2 == null) {
            return new EmbeddedEngine("jdbc:sqlite::memory:", "SQLite (in memory)", "", SQLITE_COLUMNS, SQLITE_PRIMARY_KEYS);
        }
        String url = "jdbc:h2:mem:;MODE=" + h2.mode() + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";NON_KEYWORDS=" + nonKeywords(dialect);
        return new EmbeddedEngine(url, "H2 " + org.h2.engine.Constants.VERSION + " in " + h2.mode() + " mode",
                " (an emulation, not a real " + h2.server() + " server)", H2_COLUMNS, H2_PRIMARY_KEYS);
    }

    /** H2 keywords the dialect does not reserve: plain names there, so plain names here too. */
    static String nonKeywords(SqlDialect dialect) {
        return Arrays.stream(H2_KEYWORDS.split(" "))
                .filter(w -> !dialect.reservedWords().contains(w))
                .map(w -> w.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    /**
     * A new connection (a new, empty in-memory database). The driver is called directly rather
     * than found through {@link java.sql.DriverManager}, so it works in any packaging of the jar.
     */
    public Connection connect() throws SQLException {
        java.sql.Driver driver = url.startsWith("jdbc:sqlite:") ? new org.sqlite.JDBC() : new org.h2.Driver();
        Connection c = driver.connect(url, new java.util.Properties());
        if (c == null) {
            throw new SQLException("the embedded driver does not accept " + url);
        }
        return c;
    }
}
