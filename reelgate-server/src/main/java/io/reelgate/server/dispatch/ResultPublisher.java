package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.ResultFolder;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskOutput;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores what an engine made under fresh keys and completes the task. Files are stored before the row says
 * {@code success}, so a client never sees a URL that does not answer yet.
 */
@Component
class ResultPublisher {

    private final BlobStore blobs;
    private final ResultCommit commit;
    private final RetentionProperties retention;
    private final Clock clock;

    ResultPublisher(BlobStore blobs, ResultCommit commit, RetentionProperties retention, Clock clock) {
        this.blobs = blobs;
        this.commit = commit;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * @return false when the task is no longer this run's (its lease lost, cancelled); the stored files are then
     *         removed again
     * @throws RuntimeException when storing failed or the database stayed unreachable ({@link ResultCommit}); the
     *         stored files are removed, as no row will ever name them
     */
    boolean publish(Task task, String owner, EngineResult result, RunHandle handle) {
        String videoId = UUID.randomUUID().toString();
        String prefix = ResultFolder.of(task.id()) + "/" + videoId;
        List<String> stored = new ArrayList<>();
        try {
            String videoKey = store(prefix + ".mp4", result.video(), stored);
            String coverKey = store(prefix + ".jpg", result.cover(), stored);
            String startFrameKey = result.startFrame() == null ? null
                    : store(prefix + "-start.jpg", result.startFrame(), stored);
            TaskOutput output = new TaskOutput(videoId, videoKey, coverKey, startFrameKey, result.width(),
                    result.height(), clock.instant().plus(retention.period()));
            if (commit.succeed(task, owner, output, handle)) {
                return true;
            }
        } catch (RuntimeException e) {
            removeAfter(e, stored);
            throw e;
        }
        // whoever owns the task now produces its result
        stored.forEach(blobs::delete);
        return false;
    }

    private String store(String key, Path file, List<String> stored) {
        blobs.put(key, file);
        stored.add(key);
        return key;
    }

    /** Removes what was stored before {@code failure}; a file that cannot be removed is reported along with it. */
    private void removeAfter(RuntimeException failure, List<String> stored) {
        for (String key : stored) {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
