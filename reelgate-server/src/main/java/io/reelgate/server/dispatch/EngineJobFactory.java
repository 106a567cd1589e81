package io.reelgate.server.dispatch;

import io.reelgate.server.catalog.ModelInput;
import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.catalog.ModelRoute;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UpstreamRoute;
import io.reelgate.server.infra.JsonObjects;
import io.reelgate.server.storage.BlobStore;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.EngineJobMapper;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.UpstreamTracking;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Turns a claimed task into the job its engine runs: the stored fields, the registry route of the task's model for
 * that engine with the validated model input (what hosted engines build the provider's request from), the per-task
 * upstream webhook URL, and the parent of an extension (its video, and its upstream id on the same engine).
 */
@Component
class EngineJobFactory {

    static final String PARENT_EXPIRED_MSG = "The video to extend has expired";
    /** Where providers report a task's end; served by the upstream-webhook endpoint, outside API-key auth. */
    static final String WEBHOOK_PATH = "/webhooks/";

    private final TaskRepository tasks;
    private final UpstreamTracking upstream;
    private final BlobStore blobs;
    private final ModelRegistry models;
    private final String publicBaseUrl;

    EngineJobFactory(TaskRepository tasks, UpstreamTracking upstream, BlobStore blobs, ModelRegistry models,
                     @Value("${reelgate.api.public-base-url:}") String publicBaseUrl) {
        this.tasks = tasks;
        this.upstream = upstream;
        this.blobs = blobs;
        this.models = models;
        this.publicBaseUrl = publicBaseUrl.trim().replaceAll("/+$", "");
    }

    EngineJob create(Task task, Path workDir) {
        Map<String, Object> modelInput = JsonObjects.read(task.input().modelInputJson());
        EngineJob.Builder job = EngineJobMapper.jobFor(task).workDir(workDir)
                .route(routeOf(task, modelInput))
                .modelInput(modelInput)
                .webhookUrl(publicBaseUrl.isEmpty() ? null : publicBaseUrl + WEBHOOK_PATH + task.engine() + "/" + task.id());
        if (task.kind() == TaskKind.EXTEND) {
            Task parent = tasks.findById(task.parentTaskId()).filter(p -> !p.expired() && p.videoKey() != null)
                    .orElseThrow(() -> new EngineException(EngineException.INPUT_REJECTED, PARENT_EXPIRED_MSG));
            job.parentVideo(parentVideo(parent, workDir)).parentUpstreamId(upstreamIdOn(task.engine(), parent));
        }
        return job.build();
    }

    /**
     * The registry route of the task's model that serves its stored input on the task's engine (by mode and
     * {@code accepts}), if the model names one.
     */
    private UpstreamRoute routeOf(Task task, Map<String, Object> modelInput) {
        return Optional.ofNullable(task.input().model()).flatMap(models::find)
                .flatMap(model -> new ModelInput(model, modelInput).routeFor(task.engine()))
                .map(ModelRoute::toUpstream)
                .orElse(null);
    }

    /** The parent's upstream id when it ran on {@code engine}, the engine this extension runs on (else {@code null}). */
    private String upstreamIdOn(String engine, Task parent) {
        return engine.equals(parent.engine())
                ? upstream.find(parent.id()).map(UpstreamTracking.Parked::upstreamId).orElse(null) : null;
    }

    private Path parentVideo(Task parent, Path workDir) {
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
