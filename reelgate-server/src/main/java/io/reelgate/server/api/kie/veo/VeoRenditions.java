package io.reelgate.server.api.kie.veo;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.task.ModelTask;
import io.reelgate.server.task.SubmitOptions;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskInput;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.TaskState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The 1080p and 4K versions of a finished Veo video: a real re-render of the source task's input at that size, as a
 * new kie-veo task of the same key, started by the first request and charged once (its price is the rendition
 * task's cost, refunded if it fails). Later requests find it in {@code veo_rendition}; two requests racing before
 * the row exists share one task through the idempotency store.
 */
@Component
class VeoRenditions {

    static final String NOT_SUCCESS = "record status is not success";
    static final String NO_SUCH_VIDEO = "record result data not exist";

    private final TaskService tasks;
    private final VeoRenditionRepository renditions;
    private final ObjectMapper json;
    private final Clock clock;

    VeoRenditions(TaskService tasks, VeoRenditionRepository renditions, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.renditions = renditions;
        this.json = json;
        this.clock = clock;
    }

    /** The rendition task of {@code source} at {@code size}, if one was started. */
    Optional<Task> existing(String apiKeyId, Task source, RenditionSize size) {
        return renditions.find(source.id(), size.label).map(id -> tasks.findInDialect(apiKeyId, KieVeoDialect.NAME, id));
    }

    /** A successful generate task of this key that can be re-rendered; anything else is the documented 422. */
    Task source(String apiKeyId, String taskId, Integer index) {
        Task source = tasks.findInDialect(apiKeyId, KieVeoDialect.NAME, taskId);
        if (source.state() != TaskState.SUCCESS) {
            throw new ApiException(422, NOT_SUCCESS);
        }
        if ((index != null && index != 0) || source.kind() != TaskKind.GENERATE || source.expired()
                || RenditionParams.of(source.input().paramsJson(), json).isPresent()) {
            throw new ApiException(422, NO_SUCH_VIDEO);
        }
        return source;
    }

    /** Starts the re-render (charging its price) unless one exists; answers the rendition task either way. */
    Task start(String apiKeyId, Task source, RenditionSize size, String callBackUrl) {
        Optional<Task> existing = existing(apiKeyId, source, size);
        if (existing.isPresent()) {
            return existing.get();
        }
        String params = json.writeValueAsString(new RenditionParams(source.id(), 0, size.label, callBackUrl));
        TaskInput input = source.input().toBuilder().size(size.sizeFor(source)).quality(size.label)
                .callBackUrl(callBackUrl).paramsJson(params).build();
        // the engine that made the source renders it larger: a rendition of a preview clip stays a preview clip
        List<ModelTask.Route> engines = List.of(ModelTask.Route.open(source.engine()));
        String key = "veo-rendition:" + source.id() + ":" + size.label;
        String id = tasks.submitModel(apiKeyId, new ModelTask(KieVeoDialect.NAME, TaskKind.GENERATE, null, input,
                size.credits, engines), new SubmitOptions(key, key, null));
        renditions.insert(source.id(), size.label, id, clock.instant());
        return tasks.findInDialect(apiKeyId, KieVeoDialect.NAME, id);
    }

    /** Whether {@code taskId} went through the 1080p endpoint (such a video can no longer be extended). */
    boolean hasFullHd(String taskId) {
        return renditions.find(taskId, RenditionSize.FULL_HD.label).isPresent();
    }
}
