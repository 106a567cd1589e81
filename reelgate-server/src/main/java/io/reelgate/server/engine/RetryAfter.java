package io.reelgate.server.engine;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** An upstream's {@code Retry-After} (seconds), capped so a provider cannot park a worker for long. */
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
}
