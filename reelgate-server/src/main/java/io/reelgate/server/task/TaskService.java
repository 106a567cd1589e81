package io.reelgate.server.task;

import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Accepts tasks and answers for them; the dispatcher takes it from there. */
@Service
public class TaskService {

    private final TaskRepository tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultEngine;

    public TaskService(TaskRepository tasks, ApplicationEventPublisher events, Clock clock,
                       @Value("${reelgate.engine.default:preview}") String defaultEngine) {
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
        this.defaultEngine = defaultEngine;
    }

    public String submitGenerate(String apiKeyId, GenerateRequest request) {
        String id = UUID.randomUUID().toString();
        tasks.insert(new NewTask(id, apiKeyId, TaskKind.GENERATE, null, defaultEngine, request.prompt(),
                request.imageUrl(), request.aspectRatio(), request.quality(), request.duration(), request.waterMark(),
                request.callBackUrl(), request.model(), request.expandPrompt(), clock.instant()));
        events.publishEvent(new TaskSubmitted(id));
        return id;
    }

    public Task find(String apiKeyId, String taskId) {
        return tasks.findOwned(taskId, apiKeyId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }
}
