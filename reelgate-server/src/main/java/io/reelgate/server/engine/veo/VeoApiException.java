package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.UpstreamApiException;

/**
 * A failed call to the Gemini API. The message holds the HTTP status and Google's {@code status} word, never the
 * key; Google's own message text goes to the log only.
 *
 * @see VeoClient
 */
class VeoApiException extends UpstreamApiException {

    private final String rpcStatus;

    VeoApiException(int status, String rpcStatus, String message, boolean transientFailure) {
        super(status, message, transientFailure);
        this.rpcStatus = rpcStatus;
    }

    /** google.rpc status word ({@code INVALID_ARGUMENT}, {@code RESOURCE_EXHAUSTED} …), empty when none came. */
    String rpcStatus() {
        return rpcStatus;
    }
}
