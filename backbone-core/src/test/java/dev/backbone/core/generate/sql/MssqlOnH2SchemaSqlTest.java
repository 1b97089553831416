package dev.backbone.core.generate.sql;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.verify.sql.EmbeddedEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * schema.sql of the mssql dialect on H2 in MS SQL Server mode: the closest engine that runs
 * here (no SQL Server in this environment or in CI). H2 checks the syntax, types, keys and
 * literals; it does not check SQL Server's own rules (multiple cascade paths, one NULL per
 * UNIQUE column, VARCHAR code pages). The script runs through H2's own multi-statement parser.
 */
class MssqlOnH2SchemaSqlTest extends SchemaSqlContract {

    @Override
    DbType db() {
        return DbType.MSSQL;
    }

    @Override
    TestDatabases.Db open() {
        String url = EmbeddedEngine.of(SqlDialect.MSSQL).url();
        return new TestDatabases.Db() {
            private Connection keepAlive;

            @Override
            public String name() {
                return "h2";
            }

            @Override
            public String jdbcUrl() {
                return url.replace("jdbc:h2:mem:", "jdbc:h2:mem:" + System.identityHashCode(this));
            }

            @Override
            public String sqlalchemyUrl() {
                return null;
            }

            @Override
            public Connection connect() throws SQLException {
                if (keepAlive == null) {
                    keepAlive = DriverManager.getConnection(jdbcUrl());
                }
                return DriverManager.getConnection(jdbcUrl());
            }

            @Override
            public void close() {
                try {
                    keepAlive.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    void runScript(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    boolean keepsComments() {
        return false;
    }

    @Override
    String schema(Connection c) throws SQLException {
        return c.getSchema();
    }
}
