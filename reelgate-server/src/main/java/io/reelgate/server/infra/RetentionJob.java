package io.reelgate.server.infra;

import java.time.Duration;
import java.util.function.Supplier;

/** A cluster job that deletes what outlived its retention: named once, run soon after start-up, counting what it did. */
public abstract class RetentionJob implements ClusterJob {

    private final String name;
    private final Supplier<Duration> interval;

    protected RetentionJob(String name, Supplier<Duration> interval) {
        this.name = name;
        this.interval = interval;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration interval() {
        return interval.get();
    }

    /** Half a minute: expired files should not wait long after a restart, and the first sweep is cheap. */
    @Override
    public Duration initialDelay() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void run() {
        sweep();
    }

    /** Deletes everything due now; returns how many items it removed. */
    public abstract int sweep();
}
