package io.reelgate.server.api;

import io.reelgate.server.task.AlephRequestParser;
import io.reelgate.server.task.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The KIE Runway Aleph endpoints (spec §6–§7). */
@RestController
class AlephController {

    private final TaskService tasks;
    private final AlephRequestParser requests;
    private final JsonBodyReader bodies;
    private final AlephDetailViews views;

    AlephController(TaskService tasks, AlephRequestParser requests, JsonBodyReader bodies, AlephDetailViews views) {
        this.tasks = tasks;
        this.requests = requests;
        this.bodies = bodies;
        this.views = views;
    }

    @PostMapping("/api/v1/aleph/generate")
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        JsonNode body = bodies.read(request);
        String taskId = tasks.submitAleph(key.id(), requests.parse(body), SubmitOptionsReader.read(request, body));
        return ApiEnvelope.success(Map.of("taskId", taskId));
    }

    @GetMapping("/api/v1/aleph/record-info")
    ApiEnvelope<AlephDetailView> recordInfo(@RequestParam(required = false) String taskId,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(views.of(tasks.findAleph(key.id(), TaskIdParameter.require(taskId))));
    }
}
