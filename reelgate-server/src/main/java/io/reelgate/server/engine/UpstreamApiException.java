package io.reelgate.server.engine;

/**
 * A hosted provider's answer that is not a success, after its client's retries; each engine's client throws its own
 * subclass. The message is for the log and never holds the provider's key.
 */
public abstract class UpstreamApiException extends RuntimeException implements UpstreamHttpError {

    /** 0 when no HTTP answer arrived (connection refused, timeout). */
    private final int status;
    private final boolean transientFailure;

    protected UpstreamApiException(int status, String message, boolean transientFailure) {
        super(message);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public int status() {
        return status;
    }

    @Override
    public int httpStatus() {
        return status;
    }

    /** Another attempt later (or another engine) may succeed: the client says which answers these are. */
    public boolean isTransient() {
        return transientFailure;
    }
}
