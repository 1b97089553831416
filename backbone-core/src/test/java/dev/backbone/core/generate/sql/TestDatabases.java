package dev.backbone.core.generate.sql;

import dev.backbone.core.testsupport.Requirements;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Throwaway databases on the real servers: a fresh database per test, dropped afterwards.
 * PostgreSQL from {@code BACKBONE_TEST_PG_URL} (a libpq URI), MariaDB from
 * {@code BACKBONE_TEST_MYSQL_URL} (a JDBC URL). A server that does not answer skips the test
 * locally and fails it in CI ({@link Requirements#require}).
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** A database that exists until {@link #close()}. */
    public interface Db extends AutoCloseable {
        String name();

        /** JDBC URL of this database. */
        String jdbcUrl();

        /** SQLAlchemy URL of this database (PostgreSQL only). */
        String sqlalchemyUrl();

        /** The URL the server's own client takes ({@code psql}; PostgreSQL only). */
        default String clientUrl() {
            return null;
        }

        default Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl());
        }

        @Override
        void close();
    }

    public static Db postgres() {
        URI uri = URI.create(Requirements.env("BACKBONE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"));
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":", 2)[0];
        String password = uri.getUserInfo() != null && uri.getUserInfo().contains(":") ? uri.getUserInfo().split(":", 2)[1] : null;
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String base = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/";
        String auth = "?user=" + user + (password == null ? "" : "&password=" + password) + "&connectTimeout=3";
        String admin = base + (uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1)) + auth;
        String name = "bb_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        requireServer(admin, "PostgreSQL at " + uri.getHost() + ":" + port + " (BACKBONE_TEST_PG_URL)");
        exec(admin, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        String sa = "postgresql+psycopg2://" + user + (password == null ? "" : ":" + password) + "@" + uri.getHost() + ":" + port + "/" + name;
        String client = "postgresql://" + uri.getRawUserInfo() + "@" + uri.getHost() + ":" + port + "/" + name;
        return new Simple(name, base + name + auth, sa, client,
                () -> exec(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public static Db mariadb() {
        String url = Requirements.env("BACKBONE_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        int q = url.indexOf('?');
        String params = q < 0 ? "" : url.substring(q + 1);
        String hostPart = (q < 0 ? url : url.substring(0, q));
        String base = hostPart.substring(0, hostPart.lastIndexOf('/') + 1);
        String sep = params.isEmpty() ? "?" : "?" + params + "&";
        String admin = url + (q < 0 ? "?" : "&") + "connectTimeout=3000";
        String name = "bb_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        requireServer(admin, "MariaDB at " + base + " (BACKBONE_TEST_MYSQL_URL)");
        exec(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new Simple(name, base + name + sep + "allowMultiQueries=true", null, null,
                () -> exec(admin, "DROP DATABASE IF EXISTS " + name));
    }

    private static void requireServer(String jdbcUrl, String what) {
        boolean up;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            up = c.isValid(3);
        } catch (SQLException e) {
            up = false;
        }
        Requirements.require(up, what);
    }

    private static void exec(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql.toLowerCase(Locale.ROOT).split(" ")[0] + " failed: " + e.getMessage(), e);
        }
    }

    private record Simple(String name, String jdbcUrl, String sqlalchemyUrl, String clientUrl, Runnable drop) implements Db {
        @Override
        public void close() {
            drop.run();
        }
    }
}
