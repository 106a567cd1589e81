package io.reelgate.server.api.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The answer while the database cannot be reached: KIE's documented "service unavailable" code 455 (HTTP 503 with
 * {@code error-http-status=mirror}), instead of a generic 500. These failures happen before anything is committed
 * (no connection, or a statement that failed inside a transaction that then rolled back), so a client may retry
 * the same request; the SDK does.
 */
public final class DatabaseUnavailable {

    public static final int CODE = 455;
    public static final String MSG = "Service unavailable - the database cannot be reached; retry in a few seconds";

    private DatabaseUnavailable() {
    }

    /**
     * A failure to reach the database (no connection, connection lost, server shutting down or starting), not a
     * faulty statement. Spring translates these into several exception types depending on the driver and on whether
     * the pool or an open connection noticed first, so the SQL state is checked too: class 08 (connection
     * exception) and PostgreSQL's 57P0x (admin/crash shutdown, cannot connect now).
     */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // a rollback that failed (the connection died under the transaction) hides the first failure here
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && is(tx.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
