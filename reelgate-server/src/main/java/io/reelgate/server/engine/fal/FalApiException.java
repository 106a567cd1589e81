package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.UpstreamHttpError;

/** An answer of fal's queue API that is not a success, after the client's retries. Message is fal's, log-only. */
class FalApiException extends RuntimeException implements UpstreamHttpError {

    private final int status;
    private final boolean transientFailure;
    private final String body;

    FalApiException(int status, String message, boolean transientFailure, String body) {
        super(message);
        this.status = status;
        this.transientFailure = transientFailure;
        this.body = body == null ? "" : body;
    }

    int status() {
        return status;
    }

    @Override
    public int httpStatus() {
        return status;
    }

    boolean isTransient() {
        return transientFailure;
    }

    /** The raw answer body, for error mapping and the log only. */
    String body() {
        return body;
    }
}
