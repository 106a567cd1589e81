package io.reelgate.server.dispatch;

import io.reelgate.server.infra.DaemonThreads;
import io.reelgate.server.infra.NodeIdentity;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews the leases of tasks running here, and hands back tasks whose lease expired because their node died
 * (or ends them in {@code fail} once they have used up their attempts, so a task that crashes its node every
 * time cannot loop forever).
 *
 * <p>The heartbeat has a thread of its own: on the shared scheduler it would wait behind any slow sweep, and a lease
 * that runs out under a healthy node makes another node render the task a second time.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    static final String GAVE_UP_MSG = "Generation failed, please try again later (the task was interrupted too often)";

    private final RunningTasks running;
    private final TaskRepository tasks;
    private final TaskTransitions transitions;
    private final DispatchProperties properties;
    private final NodeIdentity node;
    private final Clock clock;
    private ScheduledExecutorService heartbeat;
    /** {@link System#nanoTime()} of the last heartbeat round's start, to notice rounds that came late. */
    private long lastRound;

    LeaseKeeper(RunningTasks running, TaskRepository tasks, TaskTransitions transitions,
                DispatchProperties properties, NodeIdentity node, Clock clock) {
        this.running = running;
        this.tasks = tasks;
        this.transitions = transitions;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
    }

    @PostConstruct
    void startHeartbeat() {
        long interval = properties.heartbeatInterval().toMillis();
        lastRound = System.nanoTime();
        heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reelgate-lease-heartbeat"));
        heartbeat.scheduleWithFixedDelay(this::heartbeatRound, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }

    /** One scheduled round; a round that starts far behind its interval is logged, as it puts every lease at risk. */
    private void heartbeatRound() {
        long start = System.nanoTime();
        Duration since = Duration.ofNanos(start - lastRound);
        lastRound = start;
        if (since.compareTo(properties.heartbeatInterval().multipliedBy(3)) > 0 && running.count() > 0) {
            log.warn("Lease heartbeat on node {} ran {} ms after the previous round (interval {}, lease {}): the node or"
                    + " its database stalled", node.id(), since.toMillis(), properties.heartbeatInterval(),
                    properties.leaseDuration());
        }
        try {
            renewLeases();
        } catch (RuntimeException e) {
            log.error("Lease heartbeat round failed; retrying at the next one", e);
        }
    }

    void renewLeases() {
        Instant until = clock.instant().plus(properties.leaseDuration());
        for (RunHandle handle : running.all()) {
            try {
                if (!transitions.renewLease(handle.taskId(), node.id(), until)) {
                    logLostLease(handle.taskId());
                    handle.markLeaseLost();
                }
            } catch (RuntimeException e) {
                log.error("Renewing the lease of task {} failed; retrying at the next heartbeat", handle.taskId(), e);
            }
        }
    }

    /** A task that just ended (here, or cancelled elsewhere) is no news; one another node holds now is. */
    private void logLostLease(String taskId) {
        Optional<Task> task = tasks.findById(taskId);
        if (task.isPresent() && task.get().state().isTerminal()) {
            log.debug("Task {} ended ({}) while its lease was being renewed", taskId, task.get().state().wire());
        } else {
            log.warn("Task {} lease lost on node {} (now {}, held by {}); stopping its run", taskId, node.id(),
                    task.map(t -> t.state().wire()).orElse("deleted"), task.map(Task::leaseOwner).orElse(null));
        }
    }

    @Scheduled(fixedDelayString = "${reelgate.dispatch.recovery-interval:5s}")
    void recoverExpiredLeases() {
        try {
            Instant now = clock.instant();
            for (String id : tasks.leasesExpiredBefore(now, 100)) {
                tasks.findById(id).ifPresent(task -> {
                    if (task.attempts() >= properties.maxAttempts()) {
                        transitions.failExpired(id, 500, GAVE_UP_MSG, now);
                    } else {
                        transitions.requeueExpired(id, now);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.error("Lease recovery failed; retrying in {}", properties.recoveryInterval(), e);
        }
    }
}
