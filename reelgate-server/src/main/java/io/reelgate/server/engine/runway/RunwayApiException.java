package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.UpstreamHttpError;

/**
 * An answer of the Runway API that is not a success, after the client's retries.
 *
 * @see RunwayClient for which answers are retried
 */
class RunwayApiException extends RuntimeException implements UpstreamHttpError {

    /** 0 when no HTTP answer arrived (connection refused, timeout). */
    private final int status;
    private final boolean transientFailure;

    RunwayApiException(int status, String message, boolean transientFailure) {
        super(message);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    int status() {
        return status;
    }

    @Override
    public int httpStatus() {
        return status;
    }

    /** 429, 5xx and connection failures: another attempt later (or another engine) may succeed. */
    boolean isTransient() {
        return transientFailure;
    }
}
