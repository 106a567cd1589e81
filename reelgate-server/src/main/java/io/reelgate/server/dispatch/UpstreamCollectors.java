package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.task.UpstreamTracking.Parked;
import io.reelgate.server.task.UpstreamTracking;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings succeeded upstream results home on a bounded pool of its own ({@code reelgate.upstream.workers} threads and
 * as many waiting), so downloads and re-encodes never delay a poll. When the pool is full the poll says so and the
 * task is simply polled again later, here or on a node with room. A collection renews the poll claim before it
 * starts, and gives up when another node took the task meanwhile.
 */
@Component
class UpstreamCollectors {

    private static final Logger log = LoggerFactory.getLogger(UpstreamCollectors.class);

    private final UpstreamResults results;
    private final UpstreamTracking upstream;
    private final TaskTransitions transitions;
    private final UpstreamPollProperties properties;
    private final RunningTasks running;
    private final Clock clock;
    private final ThreadPoolExecutor pool;

    UpstreamCollectors(UpstreamResults results, UpstreamTracking upstream, TaskTransitions transitions,
                       UpstreamPollProperties properties, RunningTasks running, Clock clock) {
        this.results = results;
        this.running = running;
        this.upstream = upstream;
        this.transitions = transitions;
        this.properties = properties;
        this.clock = clock;
        this.pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.workers()), DaemonThreads.named("reelgate-upstream-collector"));
    }

    /** Queues the collection; {@code false} when the pool is full. */
    boolean offer(Task task, Parked parked, AsyncVideoEngine engine, UpstreamStatus status) {
        try {
            pool.execute(() -> collect(task, parked, engine, status));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collect(Task task, Parked parked, AsyncVideoEngine engine, UpstreamStatus status) {
        // registered before the claim is renewed (which needs the task still generating), so no cancel can fall
        // between the two unseen
        RunHandle handle = running.startCollecting(task.id());
        try {
            // COLLECTING keeps a webhook that arrives meanwhile from making the task due and collecting it twice
            if (!upstream.reschedule(parked, UpstreamTracking.COLLECTING, null,
                    clock.instant().plus(properties.claimDuration()))) {
                log.trace("Task {}: poll claim taken over before its result was collected", task.id());
                return;
            }
            results.collect(task, parked, engine, status, handle,
                    () -> upstream.recordStatus(task.id(), status.upstreamState()));
        } catch (EngineUnavailableException e) {
            Duration delay = PollBackoff.after(engine.pollInterval(), parked.pollErrors() + 1);
            log.warn("Task {}: collecting the {} result failed: {}; next poll in {} ms", task.id(), parked.engine(),
                    e.failMsg(), delay.toMillis());
            upstream.rescheduleAfterError(parked, clock.instant().plus(delay));
        } catch (EngineException e) {
            // the upstream run itself succeeded: recorded first, so the failure does not try to cancel it
            upstream.recordStatus(task.id(), status.upstreamState());
            transitions.failRunning(task.id(), UpstreamTracking.OWNER, e.failCode(), e.failMsg(), clock.instant());
        } catch (RuntimeException e) {
            log.error("Task {}: collecting the result failed; polled again when the claim runs out", task.id(), e);
        } finally {
            running.finishCollecting(handle);
        }
    }
}
