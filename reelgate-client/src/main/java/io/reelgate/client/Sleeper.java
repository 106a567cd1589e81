package io.reelgate.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's only access to time: reading the clock and pausing. Tests pass a fake that advances a virtual clock
 * instead of sleeping.
 */
public interface Sleeper {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /**
     * A future completing after {@code duration}, for the asynchronous API. The default sleeps in the calling
     * thread, which suits fakes; {@link #system()} overrides it with a timer that blocks no thread.
     */
    default CompletableFuture<Void> delay(Duration duration) {
        try {
            sleep(duration);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Real time. */
    static Sleeper system() {
        return new Sleeper() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(Math.max(0, duration.toMillis()));
            }

            @Override
            public CompletableFuture<Void> delay(Duration duration) {
                return CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS));
            }
        };
    }
}
