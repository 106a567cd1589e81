package io.reelgate.server.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for repository and queue tests: an H2 file database in a temp directory (the embedded default)
 * and an embedded PostgreSQL server, started once per JVM, with a fresh database per call. Both are migrated with
 * the production Flyway scripts.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static DataSource migrated(Kind kind) {
        DataSource dataSource = empty(kind);
        Flyway.configure().dataSource(dataSource).locations(migrationLocations(kind)).load().migrate();
        return dataSource;
    }

    /** The production scripts: the shared ones and the database's own (Spring Boot's {@code db/vendor/{vendor}}). */
    public static String[] migrationLocations(Kind kind) {
        return new String[] {"classpath:db/migration",
                "classpath:db/vendor/" + (kind == Kind.H2 ? "h2" : "postgresql")};
    }

    /** A fresh database no migration ran on, for tests of a migration itself. */
    public static DataSource empty(Kind kind) {
        return pooled(kind == Kind.H2 ? h2File() : freshPostgresDatabase());
    }

    /**
     * Pooled as the server pools its own: unpooled, every statement opened a connection, and for an H2 file database
     * that means opening and closing the whole database each time (about 30 ms a transaction). Idle connections are
     * closed after ten seconds, so the many databases of a test run do not hold PostgreSQL connections.
     */
    private static DataSource pooled(DataSource database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setPoolName("test-db");
        return new HikariDataSource(config);
    }

    private static DataSource h2File() {
        Path dir = TestDataDirs.fresh("reelgate-h2-");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("test") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        ds.setUser("sa");
        return ds;
    }

    /** A fresh, migrated-by-nobody PostgreSQL database for server processes: its JDBC URL (user postgres, no password). */
    public static synchronized String freshPostgresUrl() {
        DataSource ignored = freshPostgresDatabase();
        return lastPostgresUrl;
    }

    private static String lastPostgresUrl;

    private static synchronized DataSource freshPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            lastPostgresUrl = postgres.getJdbcUrl("postgres", name);
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
