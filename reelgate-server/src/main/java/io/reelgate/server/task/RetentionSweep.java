package io.reelgate.server.task;

import io.reelgate.server.infra.RetentionJob;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.ResultFolder;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes result files whose retention ran out and flips {@code expireFlag} to 1. The task record stays readable.
 * Files go first, the task's whole {@link ResultFolder}: the result, what dialects derived from it beside it (the
 * OpenAI dialect's thumbnail and sprite sheet) and an earlier run's files that its dying node never committed. A
 * crash between the two leaves the flag at 0 and the next sweep retries the (idempotent) delete.
 * <p>
 * It also empties the folders of failed tasks that {@link FailedRunFiles} could not (its node died first, or the
 * store did not answer), once they have been failed for {@link #FAILED_RUN_GRACE}.
 */
@Component
public class RetentionSweep extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    /**
     * How long a failed task's folder is left to {@link FailedRunFiles} (milliseconds, normally), and to a run that
     * lost its lease and has not noticed yet (seconds, at its next heartbeat) to stop writing into it.
     */
    static final Duration FAILED_RUN_GRACE = Duration.ofHours(1);

    private final TaskRepository tasks;
    private final TaskTransitions transitions;
    private final BlobStore blobs;
    private final RetentionProperties properties;
    private final Clock clock;

    public RetentionSweep(TaskRepository tasks, TaskTransitions transitions, BlobStore blobs, RetentionProperties properties,
                          Clock clock) {
        super("result-retention", properties::sweepInterval);
        this.tasks = tasks;
        this.transitions = transitions;
        this.blobs = blobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Expires everything due now and empties failed runs' folders; returns how many tasks it cleaned up. */
    @Override
    public int sweep() {
        return expireResults() + removeFailedRunFiles();
    }

    private int expireResults() {
        int expired = inBatches(properties.batchSize(), batch -> tasks.resultsExpiredBefore(clock.instant(), batch),
                task -> {
                    deleteResultFiles(task);
                    return transitions.markExpired(task.id());
                });
        if (expired > 0) {
            log.info("Retention sweep expired {} task results", expired);
        }
        return expired;
    }

    private int removeFailedRunFiles() {
        Instant failedBefore = clock.instant().minus(FAILED_RUN_GRACE);
        int removed = inBatches(properties.batchSize(), batch -> tasks.failedWithRunFilesBefore(failedBefore, batch),
                task -> {
                    emptyFailedRunFolder(task);
                    return true;
                });
        if (removed > 0) {
            log.info("Retention sweep emptied the result folders of {} failed tasks", removed);
        }
        return removed;
    }

    /**
     * Empties a failed task's folder, then clears its flag: in this order, so a failure in between leaves the flag
     * set and a later sweep tries again. {@link FailedRunFiles} calls it as soon as the task fails.
     */
    void emptyFailedRunFolder(Task task) {
        deleteResultFiles(task);
        tasks.runFilesRemoved(task.id());
    }

    /** The files a task's runs left in the blob store (idempotent: a missing folder is not an error). */
    void deleteResultFiles(Task task) {
        blobs.deleteFolder(ResultFolder.of(task.id()));
    }
}
