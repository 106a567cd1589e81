package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskSpan;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.TaskTransitions;
import io.reelgate.server.task.UpstreamTracking.Parked;
import io.reelgate.server.task.UpstreamTracking;
import io.reelgate.server.task.UpstreamUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls tasks parked at an upstream engine (see {@link UpstreamTracking}) when they are due. One claimer thread
 * claims due polls in batches (one statement each) as long as pollers are free; the polls, which mostly wait on the
 * upstream, run on a pool sized for that ({@code reelgate.upstream.pollers}), and succeeded results are brought home
 * by {@link UpstreamCollectors} on threads of their own, so neither lease heartbeats nor other tasks' polls wait for a
 * download or re-encode. A claim bumps the poll version, so one node polls a task at a time; every ending goes
 * through {@link TaskTransitions} guarded by state, so a task ends once however many nodes (or restarts) poll it.
 * Nothing lives in memory: a restarted node carries on from the rows.
 */
@Component
class PollUpstreamTasks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollUpstreamTasks.class);

    private final EngineRegistry engines;
    private final UpstreamTracking upstream;
    private final TaskRepository tasks;
    private final TaskTransitions transitions;
    private final UpstreamCollectors collectors;
    private final LostUpstreamTasks lost;
    private final UpstreamPollProperties properties;
    private final RunTelemetry telemetry;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private ScheduledExecutorService claimer;
    private ExecutorService pollers;

    PollUpstreamTasks(EngineRegistry engines, UpstreamTracking upstream, TaskRepository tasks,
                      TaskTransitions transitions, UpstreamCollectors collectors, LostUpstreamTasks lost,
                      UpstreamPollProperties properties, RunTelemetry telemetry, Clock clock) {
        this.telemetry = telemetry;
        this.lost = lost;
        this.engines = engines;
        this.upstream = upstream;
        this.tasks = tasks;
        this.transitions = transitions;
        this.collectors = collectors;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (engines.asyncNames().isEmpty()) {
            return;
        }
        pollers = Executors.newFixedThreadPool(properties.pollers(), DaemonThreads.named("reelgate-upstream-poller"));
        claimer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reelgate-upstream-claimer"));
        claimer.scheduleWithFixedDelay(this::pollDueTasks, 0, properties.tick().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Polling upstream tasks of {} every {}", engines.asyncNames(), properties.tick());
    }

    @Override
    public void stop() {
        if (claimer != null) {
            claimer.shutdownNow();
            pollers.shutdownNow();
            try {
                pollers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            collectors.stop();
            claimer = null;
            pollers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return claimer != null;
    }

    /** Stop with the dispatcher, before the web server and the data source go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** One pass: claims batches of due polls while pollers are free. Errors are logged; the next pass tries again. */
    void pollDueTasks() {
        try {
            int free;
            while ((free = properties.pollers() - inFlight.get()) > 0 && !Thread.currentThread().isInterrupted()) {
                int limit = Math.min(free, properties.batchSize());
                Instant now = clock.instant();
                List<Parked> claimed = upstream.claimDuePolls(now, engines.asyncNames(),
                        now.plus(properties.claimDuration()), limit);
                claimed.forEach(this::startPoll);
                if (claimed.size() < limit) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.error("Polling upstream tasks failed; retrying in {}", properties.tick(), e);
        }
    }

    private void startPoll(Parked parked) {
        inFlight.incrementAndGet();
        try {
            pollers.execute(() -> {
                try {
                    poll(parked);
                } catch (RuntimeException e) {
                    log.error("Task {}: polling {} failed; polled again when the claim runs out", parked.taskId(),
                            parked.engine(), e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: the claim runs out and the task is polled again, here after a restart or on another node
            inFlight.decrementAndGet();
        }
    }

    private void poll(Parked parked) {
        Optional<Task> found = tasks.findById(parked.taskId()).filter(t -> t.state() == TaskState.GENERATING);
        Optional<AsyncVideoEngine> engine = engines.findAsync(parked.engine());
        if (found.isEmpty() || engine.isEmpty()) {
            return;
        }
        Task task = found.get();
        try (TaskSpan span = telemetry.span("reelgate.upstream.poll", task).tag("upstream.id", parked.upstreamId())) {
            pollOnce(task, parked, engine.get(), span);
        }
    }

    private void pollOnce(Task task, Parked parked, AsyncVideoEngine engine, TaskSpan span) {
        Instant now = clock.instant();
        Duration timeout = engine.upstreamTimeout();
        if (parked.upstreamSince() != null && now.isAfter(parked.upstreamSince().plus(timeout))) {
            span.tag("upstream.status", "TIMED_OUT");
            engine.cancel(parked.upstreamId());
            upstream.recordStatus(task.id(), "CANCELLED");
            transitions.failRunning(task.id(), UpstreamTracking.OWNER, EngineException.INTERNAL,
                    "Generation timed out: " + parked.engine() + " did not finish within " + timeout.toSeconds()
                            + " seconds", now);
            return;
        }
        try {
            UpstreamStatus status = engine.poll(parked.upstreamId());
            span.tag("upstream.status", status.upstreamState());
            act(task, parked, engine, status);
        } catch (EngineUnavailableException e) {
            span.error(e);
            telemetry.upstreamError(parked.engine(), "poll", e);
            int errors = parked.pollErrors() + 1;
            Duration delay = PollBackoff.after(engine.pollInterval(), errors);
            log.warn("Task {}: polling {} failed ({} in a row): {}; next poll in {} ms", task.id(), parked.engine(),
                    errors, e.failMsg(), delay.toMillis());
            upstream.rescheduleAfterError(parked, clock.instant().plus(delay));
        } catch (EngineException e) {
            span.error(e);
            telemetry.upstreamError(parked.engine(), "poll", e);
            transitions.failRunning(task.id(), UpstreamTracking.OWNER, e.failCode(), e.failMsg(), clock.instant());
        }
    }

    /** What each upstream phase means for our task: keep generating, fail, bring the result home, or submit again. */
    private void act(Task task, Parked parked, AsyncVideoEngine engine, UpstreamStatus status) {
        if (!status.upstreamState().equals(parked.upstreamStatus())) {
            log.info("Task {}: {} task {} is {}", task.id(), parked.engine(), parked.upstreamId(), status.upstreamState());
        }
        switch (status.phase()) {
            case QUEUED, RUNNING -> {
                upstream.reschedule(parked, status.upstreamState(), status.queuePosition(),
                        clock.instant().plus(engine.pollInterval()));
                if (status.progress() > task.progress()) {
                    transitions.reportProgress(task, UpstreamTracking.OWNER, status.progress());
                }
            }
            case FAILED -> {
                telemetry.taskFailedUpstream(parked.engine());
                finished(parked, "failed");
                upstream.recordEnd(task.id(), status.upstreamState(), UpstreamUsage.write(status.usage()));
                transitions.failRunning(task.id(), UpstreamTracking.OWNER, status.failCode(), status.failMsg(),
                        clock.instant());
            }
            case SUCCEEDED -> {
                upstream.recordEnd(task.id(), status.upstreamState(), UpstreamUsage.write(status.usage()));
                if (collectors.offer(task, parked, engine, status)) {
                    finished(parked, "succeeded");
                } else {
                    // every collector busy: ask again soon rather than wait here, holding a poller (and count the
                    // upstream run once, when a collector takes it); soon, not a poll interval on, which a webhook
                    // engine sets to a minute
                    Duration retry = min(properties.collectRetry(), engine.pollInterval());
                    log.debug("Task {}: every result collector is busy; polled again in {} ms", task.id(), retry.toMillis());
                    upstream.reschedule(parked, status.upstreamState(), null, clock.instant().plus(retry));
                }
            }
            case LOST -> lost.handle(task, parked.engine(), status);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void finished(Parked parked, String outcome) {
        if (parked.upstreamSince() != null) {
            telemetry.upstreamFinished(parked.engine(), outcome, Duration.between(parked.upstreamSince(), clock.instant()));
        }
    }
}
