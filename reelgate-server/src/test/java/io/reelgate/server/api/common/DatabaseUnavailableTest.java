package io.reelgate.server.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** The shapes a lost database takes on the way up, as seen in outage runs, and what must stay a 500 or a 4xx. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedWhateverWrapsThem() {
        assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        // an open connection that broke mid-statement: pgjdbc's I/O error, class 08
        assertThat(DatabaseUnavailable.is(new UncategorizedSQLException("select", "SELECT 1",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        // the server going down under an open transaction: admin shutdown, seen at commit
        TransactionSystemException commit = new TransactionSystemException("Could not commit JDBC transaction");
        commit.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseUnavailable.is(commit)).isTrue();
        // the statement failed on a dead connection, then the rollback failed too (seen in CI's outage run)
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("Connection is not available")));
        assertThat(DatabaseUnavailable.is(rollback)).isTrue();
    }

    @Test
    void faultyStatementsAreNot() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.is(new UncategorizedSQLException("select", "SELECT x",
                new SQLException("column x does not exist", "42703")))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    }
}
