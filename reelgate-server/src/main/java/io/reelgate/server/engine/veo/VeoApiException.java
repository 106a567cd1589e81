package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.UpstreamHttpError;

/**
 * A failed call to the Gemini API. The message holds the HTTP status and Google's {@code status} word, never the
 * key; Google's own message text goes to the log only.
 *
 * @see VeoClient
 */
class VeoApiException extends RuntimeException implements UpstreamHttpError {

    private final int status;
    private final String rpcStatus;
    private final boolean transientFailure;

    VeoApiException(int status, String rpcStatus, String message, boolean transientFailure) {
        super(message);
        this.status = status;
        this.rpcStatus = rpcStatus;
        this.transientFailure = transientFailure;
    }

    @Override
    public int httpStatus() {
        return status;
    }

    /** google.rpc status word ({@code INVALID_ARGUMENT}, {@code RESOURCE_EXHAUSTED} …), empty when none came. */
    String rpcStatus() {
        return rpcStatus;
    }

    boolean isTransient() {
        return transientFailure;
    }
}
