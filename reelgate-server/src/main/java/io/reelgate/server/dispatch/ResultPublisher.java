package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.storage.RetentionProperties;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskOutput;
import io.reelgate.server.task.TaskTransitions;
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
    private final TaskTransitions transitions;
    private final RetentionProperties retention;
    private final Clock clock;

    ResultPublisher(BlobStore blobs, TaskTransitions transitions, RetentionProperties retention, Clock clock) {
        this.blobs = blobs;
        this.transitions = transitions;
        this.retention = retention;
        this.clock = clock;
    }

    /** @return false when the lease was lost meanwhile; the stored files are then removed again */
    boolean publish(Task task, String owner, EngineResult result) {
        String videoId = UUID.randomUUID().toString();
        String prefix = "results/" + task.id() + "/" + videoId;
        List<String> stored = new ArrayList<>();
        String videoKey = store(prefix + ".mp4", result.video(), stored);
        String coverKey = store(prefix + ".jpg", result.cover(), stored);
        String startFrameKey = result.startFrame() == null ? null : store(prefix + "-start.jpg", result.startFrame(), stored);
        TaskOutput output = new TaskOutput(videoId, videoKey, coverKey, startFrameKey, result.width(), result.height(),
                clock.instant().plus(retention.period()));
        if (transitions.succeed(task.id(), owner, output, clock.instant())) {
            return true;
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
}
