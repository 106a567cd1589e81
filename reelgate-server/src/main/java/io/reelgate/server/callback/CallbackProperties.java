package io.reelgate.server.callback;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout        time the receiver has to answer one attempt (KIE: 15 s)
 * @param retryDelays    delay before each retry after the first attempt (KIE: 1, 5 and 15 minutes); the
 *                       delivery is dead after the last one
 * @param jitter         each delay is spread by up to this fraction either way, so retries of many callbacks do
 *                       not arrive in lock-step
 * @param pollInterval   how often due deliveries are looked for
 * @param secretOverlap  how long a replaced webhook secret keeps signing beside the new one
 * @param senders        attempts in flight at once on this node (threads; the work is waiting on receivers, so
 *                       many more than cores)
 * @param perReceiver    attempts in flight at once to one receiver (scheme, host and port), so a receiver that
 *                       hangs holds only these slots and every other receiver keeps its pace
 * @param batchSize      due deliveries claimed by one statement
 */
@ConfigurationProperties("reelgate.callback")
public record CallbackProperties(
        @DefaultValue("15s") Duration timeout,
        @DefaultValue({"1m", "5m", "15m"}) List<Duration> retryDelays,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("64") int senders,
        @DefaultValue("8") int perReceiver,
        @DefaultValue("50") int batchSize) {

    public CallbackProperties {
        requirePositive("senders", senders);
        requirePositive("per-receiver", perReceiver);
        requirePositive("batch-size", batchSize);
    }

    public int maxAttempts() {
        return 1 + retryDelays.size();
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("reelgate.callback." + name + " must be at least 1, was " + value);
        }
    }
}
