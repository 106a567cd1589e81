package io.reelgate.server.api;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The answer while the database cannot be reached: KIE's documented "service unavailable" code 455 (HTTP 503 with
 * {@code error-http-status=mirror}), instead of a generic 500. These failures happen before anything is committed
 * (no connection, or a statement that failed inside a transaction that then rolled back), so a client may retry
 * the same request; the SDK does.
 */
final class DatabaseUnavailable {

    static final int CODE = 455;
    static final String MSG = "Service unavailable - the database cannot be reached; retry in a few seconds";

    private DatabaseUnavailable() {
    }

    /** A failure to reach the database (no connection, connection lost), not a faulty statement. */
    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
