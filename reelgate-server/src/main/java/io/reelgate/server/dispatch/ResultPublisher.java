package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskOutput;
import io.reelgate.server.task.TaskTransitions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Stores what an engine made under fresh keys and completes the task. Files are stored before the row says
 * {@code success}, so a client never sees a URL that does not answer yet.
 */
@Component
class ResultPublisher {

    private static final Logger log = LoggerFactory.getLogger(ResultPublisher.class);

    private final BlobStore blobs;
    private final TaskTransitions transitions;
    private final RetentionProperties retention;
    private final DispatchProperties dispatch;
    private final Clock clock;

    ResultPublisher(BlobStore blobs, TaskTransitions transitions, RetentionProperties retention,
                    DispatchProperties dispatch, Clock clock) {
        this.blobs = blobs;
        this.transitions = transitions;
        this.retention = retention;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /**
     * @return false when the task is no longer this run's (its lease lost, cancelled); the stored files are then
     *         removed again
     * @throws DataAccessResourceFailureException or {@link CannotCreateTransactionException} when the database stayed
     *         unreachable (see {@link #complete}); the stored files are removed, as no row will ever name them
     */
    boolean publish(Task task, String owner, EngineResult result, RunHandle handle) {
        String videoId = UUID.randomUUID().toString();
        String prefix = "results/" + task.id() + "/" + videoId;
        List<String> stored = new ArrayList<>();
        try {
            String videoKey = store(prefix + ".mp4", result.video(), stored);
            String coverKey = store(prefix + ".jpg", result.cover(), stored);
            String startFrameKey = result.startFrame() == null ? null
                    : store(prefix + "-start.jpg", result.startFrame(), stored);
            TaskOutput output = new TaskOutput(videoId, videoKey, coverKey, startFrameKey, result.width(),
                    result.height(), clock.instant().plus(retention.period()));
            if (complete(task, owner, output, handle)) {
                return true;
            }
        } catch (RuntimeException e) {
            removeQuietly(task, stored);
            throw e;
        }
        // whoever owns the task now produces its result
        stored.forEach(blobs::delete);
        return false;
    }

    /**
     * The final commit, tried again at the heartbeat's pace for about one lease while the database cannot be reached:
     * the render is done and valid, and giving up at once would have another node render it again once the lease
     * runs out. The commit stays guarded by the owner, so a node that took the task over meanwhile wins.
     */
    private boolean complete(Task task, String owner, TaskOutput output, RunHandle handle) {
        Duration pause = dispatch.heartbeatInterval();
        long attempts = Math.max(1, dispatch.leaseDuration().toMillis() / Math.max(1, pause.toMillis()));
        for (long attempt = 1; ; attempt++) {
            try {
                return transitions.succeed(task.id(), owner, output, clock.instant());
            } catch (DataAccessResourceFailureException | CannotCreateTransactionException e) {
                if (attempt >= attempts || handle.leaseLost() || handle.stopRequested()) {
                    throw e;
                }
                log.warn("Task {} is rendered but its result cannot be recorded yet (attempt {} of {}): {}", task.id(),
                        attempt, attempts, e.getMessage());
                pauseOrThrow(pause, e);
            }
        }
    }

    private static void pauseOrThrow(Duration pause, RuntimeException cause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private String store(String key, Path file, List<String> stored) {
        blobs.put(key, file);
        stored.add(key);
        return key;
    }

    private void removeQuietly(Task task, List<String> stored) {
        for (String key : stored) {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                log.warn("Task {}: could not remove the unrecorded result file {}: {}", task.id(), key, e.toString());
            }
        }
    }
}
