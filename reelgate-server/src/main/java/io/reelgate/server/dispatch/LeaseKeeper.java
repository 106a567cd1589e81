package io.reelgate.server.dispatch;

import io.reelgate.server.infra.NodeIdentity;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews the leases of tasks running here, and hands back tasks whose lease expired because their node died
 * (or ends them in {@code fail} once they have used up their attempts, so a task that crashes its node every
 * time cannot loop forever).
 *
 * <p>Renewal runs on {@link LeaseHeartbeat}'s own thread, recovery on the shared scheduler.
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

    LeaseKeeper(RunningTasks running, TaskRepository tasks, TaskTransitions transitions,
                DispatchProperties properties, NodeIdentity node, Clock clock) {
        this.running = running;
        this.tasks = tasks;
        this.transitions = transitions;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
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
}
