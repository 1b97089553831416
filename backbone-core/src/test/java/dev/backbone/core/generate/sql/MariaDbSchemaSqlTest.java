package dev.backbone.core.generate.sql;

import dev.backbone.core.schema.DbType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * schema.sql of the mysql dialect on the real MariaDB (BACKBONE_TEST_MYSQL_URL), sent as one
 * multi-statement script so the server's own parser splits it. The test database is created
 * with utf8mb4, as a MySQL 8 server's default is; MariaDB's default latin1 cannot hold the
 * corpus's Unicode.
 */
class MariaDbSchemaSqlTest extends SchemaSqlContract {

    @Override
    DbType db() {
        return DbType.MYSQL;
    }

    @Override
    TestDatabases.Db open() {
        return TestDatabases.mariadb();
    }

    @Override
    void runScript(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                // drain every statement's result so a failure anywhere surfaces
            }
        }
    }

    @Override
    boolean keepsComments() {
        return true;
    }

    @Override
    String schema(Connection c) {
        return null;
    }

    /**
     * MariaDB (like MySQL) keeps table and column comments in utf8mb3 whatever the table's
     * character set: a character outside the Basic Multilingual Plane (an emoji) is stored as
     * {@code ?}. Everything else reads back exactly.
     */
    @Override
    String storedComment(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isSupplementaryCodePoint(cp)) {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    @Override
    String catalog(Connection c) throws SQLException {
        return c.getCatalog();
    }
}
