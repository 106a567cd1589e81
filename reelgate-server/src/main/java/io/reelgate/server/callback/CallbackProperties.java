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
 */
@ConfigurationProperties("reelgate.callback")
public record CallbackProperties(
        @DefaultValue("15s") Duration timeout,
        @DefaultValue({"1m", "5m", "15m"}) List<Duration> retryDelays,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("24h") Duration secretOverlap) {

    public int maxAttempts() {
        return 1 + retryDelays.size();
    }
}
