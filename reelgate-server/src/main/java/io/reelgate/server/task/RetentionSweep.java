package io.reelgate.server.task;

import io.reelgate.server.infra.RetentionJob;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.ResultFolder;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes result files whose retention ran out and flips {@code expireFlag} to 1. The task record stays readable.
 * Files go first, the task's whole {@link ResultFolder}: the result, what dialects derived from it beside it (the
 * OpenAI dialect's thumbnail and sprite sheet) and an earlier run's files that its dying node never committed. A
 * crash between the two leaves the flag at 0 and the next sweep retries the (idempotent) delete.
 */
@Component
public class RetentionSweep extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

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

    /** Expires everything due now; returns how many tasks were expired. */
    @Override
    public int sweep() {
        int expired = 0;
        List<Task> due;
        do {
            due = tasks.resultsExpiredBefore(clock.instant(), properties.batchSize());
            for (Task task : due) {
                deleteResultFiles(task);
                if (transitions.markExpired(task.id())) {
                    expired++;
                }
            }
        } while (due.size() == properties.batchSize());
        if (expired > 0) {
            log.info("Retention sweep expired {} task results", expired);
        }
        return expired;
    }

    /** The files a task's runs left in the blob store (idempotent: a missing folder is not an error). */
    void deleteResultFiles(Task task) {
        blobs.deleteFolder(ResultFolder.of(task.id()));
    }
}
