package io.reelgate.server.dispatch;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.EngineJobMapper;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Turns a claimed task into the job its engine runs, bringing local inputs (the parent of an extension) along. */
@Component
class EngineJobFactory {

    static final String PARENT_EXPIRED_MSG = "The video to extend has expired";

    private final TaskRepository tasks;
    private final BlobStore blobs;

    EngineJobFactory(TaskRepository tasks, BlobStore blobs) {
        this.tasks = tasks;
        this.blobs = blobs;
    }

    EngineJob create(Task task, Path workDir) {
        EngineJob.Builder job = EngineJobMapper.jobFor(task).workDir(workDir);
        if (task.kind() == TaskKind.EXTEND) {
            job.parentVideo(parentVideo(task, workDir));
        }
        return job.build();
    }

    private Path parentVideo(Task task, Path workDir) {
        Task parent = tasks.findById(task.parentTaskId())
                .filter(p -> !p.expired() && p.videoKey() != null)
                .orElseThrow(() -> new EngineException(EngineException.INPUT_REJECTED, PARENT_EXPIRED_MSG));
        Resource video = blobs.open(parent.videoKey())
                .orElseThrow(() -> new EngineException(EngineException.INPUT_REJECTED, PARENT_EXPIRED_MSG));
        Path target = workDir.resolve("parent.mp4");
        try (InputStream in = video.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The video to extend could not be read", e);
        }
        return target;
    }
}
