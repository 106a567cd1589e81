package io.reelgate.server.api.kie.runway;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.common.TaskIdParameter;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.api.kie.KieSubmits;
import io.reelgate.server.api.openapi.KieExamples;
import io.reelgate.server.api.openapi.KieSchemas;
import io.reelgate.server.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KIE Runway Aleph endpoints (docs/kie-contract.md, "Aleph generate", "Aleph record-info"). */
@RestController
@Tag(name = "Aleph (KIE)", description = "KIE Runway Aleph video-to-video, wire-compatible")
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
    @Operation(summary = "Generate Aleph video", description = "Transforms the first 5 s of a source video.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = KieSchemas.AlephRequest.class),
                    examples = @ExampleObject(name = "aleph", value = KieExamples.ALEPH_REQUEST))))
    @ApiResponse(responseCode = "200", description = "The new task's id, or an error code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.TaskIdEnvelope.class),
                    examples = @ExampleObject(name = "accepted", value = KieExamples.TASK_ID_RESPONSE)))
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, requests::parse,
                (input, options) -> tasks.submitAleph(key.id(), KieRunwayDialect.NAME, input, options));
    }

    @GetMapping("/api/v1/aleph/record-info")
    @Operation(summary = "Get Aleph video details")
    @ApiResponse(responseCode = "200", description = "The task, or 404 in code when it is not the caller's",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.AlephRecordEnvelope.class),
                    examples = @ExampleObject(name = "success", value = KieExamples.ALEPH_RECORD_SUCCESS)))
    ApiEnvelope<AlephDetailView> recordInfo(@RequestParam(required = false) String taskId,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(views.of(tasks.findAleph(key.id(), KieRunwayDialect.NAME,
                TaskIdParameter.require(taskId))));
    }
}
