package io.reelgate.server.dispatch;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskOutput;
import io.reelgate.server.task.TaskTransitions;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The last write of a finished render, tried again at the heartbeat's pace for about one lease while the database
 * cannot be reached: the render is done and valid, and giving up at once would have another node render it again
 * once the lease runs out. The write stays guarded by the owner, so a node that took the task over meanwhile wins.
 */
@Component
class ResultCommit {

    private static final Logger log = LoggerFactory.getLogger(ResultCommit.class);

    private final TaskTransitions transitions;
    private final Clock clock;
    /** Between attempts: a heartbeat interval, so a lease the heartbeat could renew again is not lost meanwhile. */
    private final Duration pause;
    /** As many as fit in one lease: after that another node may have taken the task over. */
    private final long attempts;

    ResultCommit(TaskTransitions transitions, DispatchProperties dispatch, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
        pause = dispatch.heartbeatInterval();
        attempts = Math.max(1, dispatch.leaseDuration().toMillis() / Math.max(1, pause.toMillis()));
    }

    /**
     * @return whether the task is {@code success} now; false when another run owns it
     * @throws DataAccessResourceFailureException or {@link CannotCreateTransactionException} when the database stayed
     *         unreachable for every attempt ({@code lease-duration / heartbeat-interval}), or the run lost its lease
     *         or was told to stop meanwhile
     */
    boolean succeed(Task task, String owner, TaskOutput output, RunHandle handle) {
        for (long attempt = 1; ; attempt++) {
            try {
                return transitions.succeed(task.id(), owner, output, clock.instant());
            } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
                if (attempt >= attempts || handle.leaseLost() || handle.stopRequested()) {
                    throw e;
                }
                log.warn("Task {} is rendered but its result cannot be recorded yet (attempt {} of {}): {}", task.id(),
                        attempt, attempts, e.getMessage());
                pauseOrThrow(e);
            }
        }
    }

    private void pauseOrThrow(RuntimeException cause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
