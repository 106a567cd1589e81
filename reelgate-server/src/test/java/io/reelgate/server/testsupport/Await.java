package io.reelgate.server.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits by polling every 50 ms, failing with {@code what} when the timeout passes first. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Reads until a reading is {@code done}, and returns that reading. */
    public static <T> T until(Duration timeout, String what, Supplier<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T reading = read.get();
            if (done.test(reading)) {
                return reading;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
