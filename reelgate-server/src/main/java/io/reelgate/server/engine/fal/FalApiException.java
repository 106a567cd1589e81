package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.UpstreamApiException;

/** An answer of fal's queue API that is not a success, after the client's retries. Message is fal's, log-only. */
class FalApiException extends UpstreamApiException {

    private final String body;

    FalApiException(int status, String message, boolean transientFailure, String body) {
        super(status, message, transientFailure);
        this.body = body == null ? "" : body;
    }

    /** The raw answer body, for error mapping and the log only. */
    String body() {
        return body;
    }
}
