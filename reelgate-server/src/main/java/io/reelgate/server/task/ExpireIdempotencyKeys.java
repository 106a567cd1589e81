package io.reelgate.server.task;

import io.reelgate.server.infra.ClusterJobs;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes Idempotency-Key records past their window (default 24 h); lookups already ignore them. */
@Component
class ExpireIdempotencyKeys {

    private final IdempotencyKeys keys;
    private final ClusterJobs clusterJobs;
    private final Duration interval;
    private final Clock clock;

    ExpireIdempotencyKeys(IdempotencyKeys keys, ClusterJobs clusterJobs,
                          @Value("${reelgate.retention.sweep-interval:10m}") Duration interval, Clock clock) {
        this.keys = keys;
        this.clusterJobs = clusterJobs;
        this.interval = interval;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reelgate.retention.sweep-interval:10m}", initialDelayString = "PT1M")
    void sweep() {
        clusterJobs.runIfDue("task-idempotency-expiry", interval, () -> keys.deleteExpired(clock.instant()));
    }
}
