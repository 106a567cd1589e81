package io.reelgate.server.engine;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An upstream's {@code Retry-After} (seconds), capped so a provider cannot park a worker for long, and the doubling
 * backoff every engine's client falls back to when the answer names no wait.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the answer asks for, at most {@code max}; empty when it names none. */
    public static Optional<Duration> of(HttpResponse<?> response, Duration max) {
        if (response == null) {
            return Optional.empty();
        }
        var retryAfter = response.headers().firstValueAsLong("retry-after");
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        Duration asked = Duration.ofSeconds(Math.max(0, retryAfter.getAsLong()));
        return Optional.of(asked.compareTo(max) > 0 ? max : asked);
    }

    /**
     * The wait before retry {@code attempt} (0 = the first): the answer's {@code Retry-After} when it names one, else
     * {@code base} doubled per attempt; at most {@code max} either way. {@code jitter} (0..1) takes up to that share
     * off the backoff at random, so clients that failed together do not retry together.
     */
    public static Duration orBackoff(HttpResponse<?> response, int attempt, Duration base, Duration max,
                                     double jitter) {
        Optional<Duration> asked = of(response, max);
        if (asked.isPresent()) {
            return asked.get();
        }
        long capped = Math.min(base.toMillis() << Math.min(attempt, 20), max.toMillis());
        return Duration.ofMillis(capped - (long) (capped * jitter * ThreadLocalRandom.current().nextDouble()));
    }
}
