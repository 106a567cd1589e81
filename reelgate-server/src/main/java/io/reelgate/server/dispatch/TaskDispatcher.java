package io.reelgate.server.dispatch;

import io.reelgate.server.infra.NodeIdentity;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.TaskSubmitted;
import io.reelgate.server.task.TaskTransitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves tasks from {@code wait} to {@code queueing} and lets a fixed set of worker threads claim queued tasks under
 * a lease. Workers wake at once when this node accepts a task and otherwise poll, which picks up tasks submitted on
 * other nodes and tasks handed back by recovery.
 */
@Component
class TaskDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);
    private static final int ADMIT_BATCH = 100;

    private final TaskRepository tasks;
    private final TaskTransitions transitions;
    private final TaskRunner runner;
    private final EngineRegistry engines;
    private final EngineLimits limits;
    private final RunningTasks running;
    private final DispatchProperties properties;
    private final NodeIdentity node;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean active;

    TaskDispatcher(TaskRepository tasks, TaskTransitions transitions, TaskRunner runner, EngineRegistry engines,
                   RunningTasks running, DispatchProperties properties, NodeIdentity node, Clock clock,
                   ApplicationEventPublisher events, EngineLimits limits) {
        this.engines = engines;
        this.limits = limits;
        this.events = events;
        this.tasks = tasks;
        this.transitions = transitions;
        this.runner = runner;
        this.running = running;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
    }

    @EventListener
    void onTaskSubmitted(TaskSubmitted event) {
        wakeUps.release();
    }

    @Override
    public void start() {
        reclaimOwnLeases();
        active = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread worker = new Thread(this::workLoop, "reelgate-worker-" + i);
            worker.start();
            workers.add(worker);
        }
        log.info("Dispatcher started on node {} with {} workers", node.id(), properties.workers());
    }

    /**
     * Graceful shutdown: readiness turns false first (load balancers stop sending requests), claiming stops, running
     * tasks get {@code shutdown-grace} to finish; whatever still runs then is stopped and handed back to the queue
     * for another node (or this one after a restart). Nothing is lost and nothing is left stuck in a lease.
     */
    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        active = false;
        wakeUps.release(workers.size());
        awaitRunningTasks(properties.shutdownGrace());
        if (running.count() > 0) {
            log.info("Shutdown grace of {} over; handing {} running task(s) back to the queue", properties.shutdownGrace(),
                    running.count());
        }
        running.all().forEach(RunHandle::requestStop);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        log.info("Dispatcher on node {} stopped", node.id());
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Stop before the web server's graceful shutdown, so pollers still get answers while tasks drain. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void awaitRunningTasks(Duration grace) {
        Instant deadline = clock.instant().plus(grace);
        while (running.count() > 0 && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void reclaimOwnLeases() {
        Instant now = clock.instant();
        for (String id : tasks.leasedBy(node.id())) {
            transitions.requeueOwned(id, node.id(), now);
        }
    }

    /**
     * One round of a worker: admits waiting tasks, then claims one queued task and runs it on this thread (an
     * upstream engine's run ends once the task is submitted and parked). {@code false} when there was none to claim.
     */
    boolean runOnce() {
        admitWaiting();
        Optional<String> claimed = claimNext();
        claimed.flatMap(tasks::findById).ifPresent(task -> runner.run(task, node.id()));
        return claimed.isPresent();
    }

    private void workLoop() {
        while (active) {
            try {
                if (!runOnce()) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // keep the worker alive: a database hiccup must not stop this node from working
                log.error("Dispatcher loop failed; retrying after {}", properties.pollInterval(), e);
                sleepQuietly();
            }
        }
    }

    private void admitWaiting() {
        Instant now = clock.instant();
        for (String id : tasks.idsInState(TaskState.WAIT, ADMIT_BATCH)) {
            transitions.admit(id, now);
        }
    }

    private Optional<String> claimNext() {
        if (!limits.any()) {
            return claimFor(engines.names());
        }
        // with limits, this node's workers count and claim one at a time, so they cannot overshoot together
        synchronized (limits) {
            return claimFor(limits.withCapacity(engines.names()));
        }
    }

    private Optional<String> claimFor(Set<String> engineNames) {
        Instant now = clock.instant();
        return transitions.claimNext(node.id(), now.plus(properties.leaseDuration()), now, engineNames,
                properties.workers() * 2);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
