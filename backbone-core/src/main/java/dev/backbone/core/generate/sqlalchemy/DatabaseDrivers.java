package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.schema.DbType;
import java.util.List;
import java.util.Locale;

/**
 * What each database needs in the generated project: the default URL of {@code app/database.py}
 * (no password: secrets come from {@code DATABASE_URL}), the sync and async drivers, and the
 * requirement lines that install them.
 */
public enum DatabaseDrivers {
    POSTGRESQL(DbType.POSTGRESQL, "postgresql+psycopg2://postgres@localhost:5432/%s", "PostgreSQL",
            List.of("psycopg2-binary>=2.9", "asyncpg>=0.29")),
    MYSQL(DbType.MYSQL, "mysql+pymysql://root@localhost:3306/%s", "MySQL", List.of("PyMySQL>=1.1", "aiomysql>=0.2")),
    SQLITE(DbType.SQLITE, "sqlite:///./%s.db", "SQLite", List.of("aiosqlite>=0.19")),
    MSSQL(DbType.MSSQL, "mssql+pyodbc://sa@localhost:1433/%s?driver=ODBC+Driver+18+for+SQL+Server"
            + "&TrustServerCertificate=yes", "SQL Server", List.of("pyodbc>=5.0", "aioodbc>=0.5"));

    private final DbType dbType;
    private final String urlPattern;
    private final String label;
    private final List<String> requirements;

    DatabaseDrivers(DbType dbType, String urlPattern, String label, List<String> requirements) {
        this.dbType = dbType;
        this.urlPattern = urlPattern;
        this.label = label;
        this.requirements = requirements;
    }

    public static DatabaseDrivers of(DbType db) {
        for (DatabaseDrivers d : values()) {
            if (d.dbType == db) {
                return d;
            }
        }
        throw new IllegalArgumentException("no drivers for " + db);
    }

    /** The default URL, for a database named after the project ({@code BlogBackend} gives {@code blogbackend}). */
    public String defaultUrl(String projectName) {
        String db = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return String.format(Locale.ROOT, urlPattern, db.isEmpty() ? "app" : db);
    }

    /** The database's name for people ({@code PostgreSQL}). */
    String label() {
        return label;
    }

    /** Requirement lines of the drivers (sync first, then async). */
    public List<String> requirements() {
        return requirements;
    }
}
