package io.reelgate.server.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real database that can be made unreachable for a number of connection requests, the way a pool answers while
 * the database is down: Spring turns the failure into the same exceptions an outage produces.
 */
public final class FlakyDataSource extends DelegatingDataSource {

    private final AtomicInteger failuresLeft = new AtomicInteger();

    public FlakyDataSource(DataSource target) {
        super(target);
    }

    /** The next {@code requests} connection requests fail. */
    public void failNext(int requests) {
        failuresLeft.set(requests);
    }

    public int failuresLeft() {
        return failuresLeft.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLTransientConnectionException("database unreachable (test outage)");
        }
        return super.getConnection();
    }
}
