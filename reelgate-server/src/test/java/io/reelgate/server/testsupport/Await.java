package io.reelgate.server.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait: for a condition (polled every 50 ms) or for the next element of a queue that the event
 * fills, failing with {@code what} when the timeout passes first. Readings may throw; a checked exception ends the
 * wait (catch it in the reading when it only means "not yet").
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    /** A condition that may throw while it is checked. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** A reading that may throw while it is taken. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws Exception;
    }

    private Await() {
    }

    public static void until(Duration timeout, String what, Check condition) {
        until(timeout, what, condition::holds, Boolean::booleanValue);
    }

    /** Reads until a reading is {@code done}, and returns that reading. */
    public static <T> T until(Duration timeout, String what, Reading<T> read, Predicate<? super T> done) {
        return until(timeout, () -> what, read, done);
    }

    /** As above, describing the failure only when it happens (say, with the state the wait ended in). */
    public static <T> T until(Duration timeout, Supplier<String> what, Reading<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T reading = taken(read);
            if (done.test(reading)) {
                return reading;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what.get());
            }
            pause(POLL);
        }
    }

    /**
     * Reads until a reading is {@code done} or the timeout passes, and returns the last reading either way: for waits
     * whose caller asserts on what it got, so the assertion names the shortfall.
     */
    public static <T> T atMost(Duration timeout, Reading<T> read, Predicate<? super T> done) {
        return atMost(timeout, POLL, read, done);
    }

    /** As above, reading every {@code every}: for readings that sample what happens meanwhile. */
    public static <T> T atMost(Duration timeout, Duration every, Reading<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T reading = taken(read);
            if (done.test(reading) || Instant.now().isAfter(deadline)) {
                return reading;
            }
            pause(every);
        }
    }

    /** The next element {@code queue} receives, or an {@link AssertionError} naming {@code what} when none comes in time. */
    public static <T> T next(BlockingQueue<T> queue, Duration timeout, String what) {
        try {
            T element = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (element == null) {
                throw new AssertionError(what);
            }
            return element;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration interval) {
        try {
            // the poll interval of the wait itself, not a guess at how long the event takes
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T taken(Reading<T> read) {
        try {
            return read.read();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
