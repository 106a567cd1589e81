package io.reelgate.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before repeating a request. Retried: connection failures, 5xx (except KIE's permanent
 * 501 and 505), 455 (maintenance) and 429 (waiting at least its {@code Retry-After}). Never retried: 4xx such as
 * 401, 402, 404, 422. Task-creating POSTs are repeated after an ambiguous failure (a 5xx or a lost answer) only
 * when they carry an {@code Idempotency-Key}, so a retry can never create a second paid task.
 *
 * <p>Immutable; build with {@link #builder()} or use {@link #defaults()} / {@link #none()}.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        if (b.maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (b.jitter < 0 || b.jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = Objects.requireNonNull(b.initialBackoff);
        this.maxBackoff = Objects.requireNonNull(b.maxBackoff);
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = Objects.requireNonNull(b.maxRetryAfter);
    }

    /** 4 attempts, backoff 500 ms doubling up to 10 s, ±20 % jitter, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** A single attempt: every error surfaces immediately. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Total attempts including the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The longest {@code Retry-After} worth waiting for; a longer one surfaces as {@code RateLimitedException}. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The pause before retry number {@code retry} (1 = the first retry): exponential backoff with jitter, but never
     * shorter than the server's {@code retryAfter} (may be null).
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        base = Math.min(base, maxBackoff.toMillis());
        // spread clients that failed together so they do not come back in lockstep
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        Duration backoff = Duration.ofMillis(Math.round(base * factor));
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + "]";
    }

    /** Builder for {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** 0 for none, 0.2 for ±20 %. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
