package io.reelgate.client;

import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.errors.TaskTimeoutException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a detail endpoint until the task is terminal or the deadline passes. Generic so Runway (state) and Aleph
 * (successFlag/errorMessage) share one loop.
 */
final class TaskWaiter {

    private final Sleeper sleeper;
    private final PollingPolicy polling;

    TaskWaiter(Sleeper sleeper, PollingPolicy polling) {
        this.sleeper = sleeper;
        this.polling = polling;
    }

    /** What to poll and how to read it. */
    record Target<D>(String taskId, Supplier<CompletableFuture<D>> poll, Predicate<D> succeeded,
                     Function<D, RuntimeException> failure, Consumer<D> observer) {
    }

    /** Runway: done on {@code success}, failed on {@code fail}; the listener hears each new state once. */
    CompletableFuture<TaskDetail> awaitRunway(String taskId, Supplier<CompletableFuture<TaskDetail>> poll,
                                              TaskListener listener, Duration timeout) {
        TaskState[] seen = {null}; // polls run one after another, never concurrently
        return await(new Target<>(taskId, poll, TaskDetail::isSuccess,
                d -> d.isFailed() ? new TaskFailedException(d) : null, d -> {
                    if (d.state() != seen[0]) {
                        TaskState previous = seen[0];
                        seen[0] = d.state();
                        listener.onStateChange(previous, d);
                    }
                }), timeout);
    }

    /** Aleph: done on {@code successFlag 1}, failed when an {@code errorMessage} appears. */
    CompletableFuture<AlephDetail> awaitAleph(String taskId, Supplier<CompletableFuture<AlephDetail>> poll,
                                              Duration timeout) {
        return await(new Target<>(taskId, poll, AlephDetail::isSuccess,
                d -> d.isFailed() ? new TaskFailedException(d) : null, d -> { }), timeout);
    }

    /** Market: done on {@code state success}, failed on {@code fail}. */
    CompletableFuture<MarketRecord> awaitMarket(String taskId, Supplier<CompletableFuture<MarketRecord>> poll,
                                                Duration timeout) {
        return await(new Target<>(taskId, poll, MarketRecord::isSuccess,
                r -> r.isFailed() ? new TaskFailedException(r) : null, r -> { }), timeout);
    }

    <D> CompletableFuture<D> await(Target<D> target, Duration timeout) {
        Instant deadline = sleeper.now().plus(timeout);
        return poll(target, deadline, polling.initialInterval(), null);
    }

    private <D> CompletableFuture<D> poll(Target<D> target, Instant deadline, Duration interval, D last) {
        return target.poll().get().handle((detail, error) -> {
            if (error != null) {
                RuntimeException e = Futures.unwrap(error);
                if (!(e instanceof RateLimitedException limited)) {
                    return CompletableFuture.<D>failedFuture(e);
                }
                // polls are cheap but still limited: wait as long as the server asked, then poll again
                Duration wait = limited.retryAfter().orElse(interval);
                return next(target, deadline, wait, interval, last);
            }
            target.observer().accept(detail);
            if (target.succeeded().test(detail)) {
                return CompletableFuture.completedFuture(detail);
            }
            RuntimeException failure = target.failure().apply(detail);
            if (failure != null) {
                return CompletableFuture.<D>failedFuture(failure);
            }
            return next(target, deadline, interval, polling.next(interval), detail);
        }).thenCompose(Function.identity());
    }

    private <D> CompletableFuture<D> next(Target<D> target, Instant deadline, Duration wait, Duration nextInterval, D last) {
        Duration remaining = Duration.between(sleeper.now(), deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return CompletableFuture.failedFuture(new TaskTimeoutException(target.taskId(),
                    "task " + target.taskId() + " did not finish in time", last));
        }
        // the last poll happens right at the deadline, not after it
        Duration pause = wait.compareTo(remaining) > 0 ? remaining : wait;
        return sleeper.delay(pause).thenCompose(ignored -> poll(target, deadline, nextInterval, last));
    }
}
