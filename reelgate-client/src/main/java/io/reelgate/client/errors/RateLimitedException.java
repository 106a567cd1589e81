package io.reelgate.client.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * Code 429: too many requests; the request was not queued. Thrown only after the retry policy gave up.
 */
public class RateLimitedException extends ReelgateException {

    private final Duration retryAfter;

    public RateLimitedException(int code, String msg, Duration retryAfter) {
        super(code, msg);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait ({@code Retry-After} header), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
