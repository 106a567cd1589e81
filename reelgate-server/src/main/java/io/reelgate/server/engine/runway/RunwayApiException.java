package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.UpstreamApiException;

/**
 * An answer of the Runway API that is not a success, after the client's retries; transient are 429, 5xx and
 * connection failures.
 *
 * @see RunwayClient for which answers are retried
 */
class RunwayApiException extends UpstreamApiException {

    RunwayApiException(int status, String message, boolean transientFailure) {
        super(status, message, transientFailure);
    }
}
