package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.UpstreamHttpError;

/**
 * An answer of Replicate's API that is not a success, after the client's retries. The message holds Replicate's
 * own text for the log; task messages are the engine's.
 */
class ReplicateApiException extends RuntimeException implements UpstreamHttpError {

    /** 0 when no HTTP answer arrived. */
    private final int status;
    /** The request may have reached Replicate (a timeout after sending, a 5xx): a create may exist. */
    private final boolean outcomeUnknown;

    ReplicateApiException(int status, String message, boolean outcomeUnknown) {
        super(message);
        this.status = status;
        this.outcomeUnknown = outcomeUnknown;
    }

    int status() {
        return status;
    }

    @Override
    public int httpStatus() {
        return status;
    }

    boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** 429, 5xx and connection failures: a later attempt may succeed. */
    boolean isTransient() {
        return status == 0 || status == 429 || status >= 500;
    }
}
