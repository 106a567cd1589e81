package io.reelgate.server.infra;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
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

    /**
     * Fetches due rows {@code batchSize} at a time and hands each to {@code remove}, until a batch comes back short;
     * returns how many {@code remove} reported removed. Each call of {@code remove} must leave its row no longer due,
     * or a full batch would be fetched again.
     */
    protected static <T> int inBatches(int batchSize, IntFunction<List<T>> due, Predicate<T> remove) {
        int removed = 0;
        List<T> batch;
        do {
            batch = due.apply(batchSize);
            for (T row : batch) {
                if (remove.test(row)) {
                    removed++;
                }
            }
        } while (batch.size() == batchSize);
        return removed;
    }
}
