package io.reelgate.server.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which database this is, for the few statements that have a faster vendor form (PostgreSQL's
 * {@code FOR UPDATE SKIP LOCKED}). Everything else is portable SQL.
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    @Autowired
    public DatabaseKind(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database", e);
        }
    }

    public static DatabaseKind of(boolean postgres) {
        return new DatabaseKind(postgres);
    }

    private DatabaseKind(boolean postgres) {
        this.postgres = postgres;
    }

    public boolean isPostgres() {
        return postgres;
    }
}
