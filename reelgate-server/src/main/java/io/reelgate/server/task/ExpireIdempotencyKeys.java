package io.reelgate.server.task;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes Idempotency-Key records past their window (default 24 h); lookups already ignore them. */
@Component
class ExpireIdempotencyKeys {

    private final IdempotencyKeys keys;
    private final Clock clock;

    ExpireIdempotencyKeys(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reelgate.retention.sweep-interval:10m}", initialDelayString = "PT1M")
    void sweep() {
        keys.deleteExpired(clock.instant());
    }
}
