package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.UpstreamApiException;

/**
 * An answer of Replicate's API that is not a success, after the client's retries. The message holds Replicate's
 * own text for the log; task messages are the engine's. Transient are 429, 5xx and connection failures.
 */
class ReplicateApiException extends UpstreamApiException {

    /** The request may have reached Replicate (a timeout after sending, a 5xx): a create may exist. */
    private final boolean outcomeUnknown;

    ReplicateApiException(int status, String message, boolean outcomeUnknown) {
        super(status, message, status == 0 || status == 429 || status >= 500);
        this.outcomeUnknown = outcomeUnknown;
    }

    boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
