package io.reelgate.server.api;

import io.reelgate.server.task.GenerateRequestParser;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KIE Runway endpoints (spec §3–§4). */
@RestController
class RunwayController {

    private final TaskService tasks;
    private final GenerateRequestParser generateRequests;
    private final JsonBodyReader bodies;
    private final TaskDetailViews views;

    RunwayController(TaskService tasks, GenerateRequestParser generateRequests, JsonBodyReader bodies,
                     TaskDetailViews views) {
        this.tasks = tasks;
        this.generateRequests = generateRequests;
        this.bodies = bodies;
        this.views = views;
    }

    @PostMapping("/api/v1/runway/generate")
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        String taskId = tasks.submitGenerate(key.id(), generateRequests.parse(bodies.read(request)));
        return ApiEnvelope.success(Map.of("taskId", taskId));
    }

    @GetMapping("/api/v1/runway/record-detail")
    ApiEnvelope<TaskDetailView> recordDetail(@RequestParam(required = false) String taskId,
                                             @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        if (taskId == null || taskId.isBlank()) {
            throw new InvalidRequestException("taskId", "taskId is required");
        }
        return ApiEnvelope.success(views.of(tasks.find(key.id(), taskId.trim())));
    }
}
