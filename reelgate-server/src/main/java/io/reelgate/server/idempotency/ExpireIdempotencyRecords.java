package io.reelgate.server.idempotency;

import io.reelgate.server.infra.ClusterJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Deletes Idempotency-Key records of every scope past their window, with the result retention sweep's interval. */
@Component
class ExpireIdempotencyRecords implements ClusterJob {

    private final IdempotencyStore store;
    private final Duration interval;

    ExpireIdempotencyRecords(IdempotencyStore store, @Value("${reelgate.retention.sweep-interval:10m}") Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "idempotency-expiry";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        store.deleteExpired();
    }
}
