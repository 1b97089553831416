package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.testsupport.Requirements;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database on the server of {@code BACKBONE_TEST_PG_URL} (a libpq URI,
 * default {@code postgresql://postgres@127.0.0.1:5432/postgres}), dropped on close. A server
 * that does not answer skips the test locally and fails it in CI.
 */
final class PostgresTestDb implements AutoCloseable {

    private final String admin;
    private final String name;
    private final String sqlalchemyUrl;

    private PostgresTestDb(String admin, String name, String sqlalchemyUrl) {
        this.admin = admin;
        this.name = name;
        this.sqlalchemyUrl = sqlalchemyUrl;
    }

    static PostgresTestDb create() {
        URI uri = URI.create(Requirements.env("BACKBONE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"));
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
        String user = userInfo[0];
        String password = userInfo.length > 1 ? userInfo[1] : null;
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String auth = "?user=" + user + (password == null ? "" : "&password=" + password) + "&connectTimeout=5";
        String adminDb = uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1);
        String admin = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + adminDb + auth;
        boolean up;
        try (Connection c = DriverManager.getConnection(admin)) {
            up = c.isValid(5);
        } catch (SQLException e) {
            up = false;
        }
        Requirements.require(up, "PostgreSQL at " + uri.getHost() + ":" + port + " (BACKBONE_TEST_PG_URL)");
        String name = "bb_sa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(admin, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        String sa = "postgresql+psycopg2://" + user + (password == null ? "" : ":" + password) + "@" + uri.getHost() + ":"
                + port + "/" + name;
        return new PostgresTestDb(admin, name, sa);
    }

    String sqlalchemyUrl() {
        return sqlalchemyUrl;
    }

    @Override
    public void close() {
        exec(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void exec(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }
}
