package io.reelgate.server.api.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets per key and kind of request (Bucket4j), kept where {@link RateLimitBuckets} says: in memory by
 * default, or shared by all nodes in the database. When the shared store cannot be reached the request is let
 * through: the database being down fails the request anyway, with a clearer message than a 429.
 */
@Component
class RequestRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RequestRateLimiter.class);

    private final RateLimitProperties properties;
    private final RateLimitBuckets buckets;
    private final Map<RateBudget, BucketConfiguration> configurations = new EnumMap<>(RateBudget.class);

    RequestRateLimiter(RateLimitProperties properties, RateLimitBuckets buckets) {
        this.properties = properties;
        this.buckets = buckets;
        for (RateBudget kind : RateBudget.values()) {
            configurations.put(kind, configuration(budget(kind)));
        }
    }

    /** @return empty when allowed, otherwise the nanoseconds until a request would be */
    OptionalLong tryAcquire(String apiKeyId, RateBudget kind) {
        if (!properties.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.bucket(kind + ":" + apiKeyId, () -> configurations.get(kind)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Rate-limit store unavailable, letting the request through: {}", e.toString());
            return OptionalLong.empty();
        }
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    RateLimitProperties.Budget budget(RateBudget kind) {
        return kind == RateBudget.SUBMIT ? properties.submit() : properties.status();
    }

    private static BucketConfiguration configuration(RateLimitProperties.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period()).build())
                .build();
    }
}
