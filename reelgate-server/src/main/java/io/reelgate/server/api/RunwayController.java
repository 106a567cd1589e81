package io.reelgate.server.api;

import io.reelgate.server.task.ExtendRequestParser;
import io.reelgate.server.task.GenerateRequestParser;
import io.reelgate.server.task.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The KIE Runway endpoints (spec §3–§5). */
@RestController
class RunwayController {

    private final TaskService tasks;
    private final GenerateRequestParser generateRequests;
    private final ExtendRequestParser extendRequests;
    private final JsonBodyReader bodies;
    private final TaskDetailViews views;

    RunwayController(TaskService tasks, GenerateRequestParser generateRequests, ExtendRequestParser extendRequests,
                     JsonBodyReader bodies, TaskDetailViews views) {
        this.tasks = tasks;
        this.generateRequests = generateRequests;
        this.extendRequests = extendRequests;
        this.bodies = bodies;
        this.views = views;
    }

    @PostMapping("/api/v1/runway/generate")
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        JsonNode body = bodies.read(request);
        String taskId = tasks.submitGenerate(key.id(), generateRequests.parse(body), SubmitOptionsReader.read(request, body));
        return ApiEnvelope.success(Map.of("taskId", taskId));
    }

    @PostMapping("/api/v1/runway/extend")
    ApiEnvelope<Map<String, String>> extend(HttpServletRequest request,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        JsonNode body = bodies.read(request);
        String taskId = tasks.submitExtend(key.id(), extendRequests.parse(body), SubmitOptionsReader.read(request, body));
        return ApiEnvelope.success(Map.of("taskId", taskId));
    }

    @GetMapping("/api/v1/runway/record-detail")
    ApiEnvelope<TaskDetailView> recordDetail(@RequestParam(required = false) String taskId,
                                             @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(views.of(tasks.findRunway(key.id(), TaskIdParameter.require(taskId))));
    }
}
