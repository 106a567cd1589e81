package io.reelgate.client;

import java.time.Duration;

/**
 * How {@code waitForCompletion} polls: first after {@code initialInterval}, growing by {@code multiplier} up to
 * {@code maxInterval}; short tasks are seen quickly and long ones do not waste requests.
 */
public record PollingPolicy(Duration initialInterval, Duration maxInterval, double multiplier) {

    public PollingPolicy {
        if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("need 0 <= initialInterval <= maxInterval and multiplier >= 1");
        }
    }

    /** 1 s growing by 1.5× to 10 s. */
    public static PollingPolicy defaults() {
        return new PollingPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 1.5);
    }

    Duration next(Duration current) {
        long millis = Math.round(current.toMillis() * multiplier);
        return Duration.ofMillis(Math.min(millis, maxInterval.toMillis()));
    }
}
