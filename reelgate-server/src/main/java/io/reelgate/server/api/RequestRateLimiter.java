package io.reelgate.server.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets per key and kind of request, in memory (Bucket4j): the check costs no database query. With several
 * nodes each enforces its own budget; a cluster-wide limit needs a shared Bucket4j backend.
 */
@Component
class RequestRateLimiter {

    enum Kind { SUBMIT, STATUS }

    private final RateLimitProperties properties;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** @return empty when allowed, otherwise the nanoseconds until a request would be */
    OptionalLong tryAcquire(String apiKeyId, Kind kind) {
        if (!properties.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(kind + ":" + apiKeyId, k -> newBucket(kind))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    RateLimitProperties.Budget budget(Kind kind) {
        return kind == Kind.SUBMIT ? properties.submit() : properties.status();
    }

    private Bucket newBucket(Kind kind) {
        RateLimitProperties.Budget budget = budget(kind);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period()).build())
                .build();
    }
}
