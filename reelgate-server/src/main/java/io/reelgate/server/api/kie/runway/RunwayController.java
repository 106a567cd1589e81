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

/** The KIE Runway endpoints (docs/kie-contract.md, "Generate", "Record-detail", "Extend"). */
@RestController
@Tag(name = "Runway (KIE)", description = "KIE Runway video generation, wire-compatible")
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
    @Operation(summary = "Generate AI video", description = "Text-to-video (aspectRatio required) or image-to-video (imageUrl).",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = KieSchemas.GenerateRequest.class), examples = {
                    @ExampleObject(name = "text-to-video", value = KieExamples.GENERATE_TEXT_REQUEST),
                    @ExampleObject(name = "image-to-video", value = KieExamples.GENERATE_IMAGE_REQUEST)})))
    @ApiResponse(responseCode = "200", description = "The new task's id, or an error code (401, 402, 422, 429…)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.TaskIdEnvelope.class),
                    examples = {@ExampleObject(name = "accepted", value = KieExamples.TASK_ID_RESPONSE),
                            @ExampleObject(name = "validation error", value = KieExamples.VALIDATION_ERROR),
                            @ExampleObject(name = "bad key", value = KieExamples.UNAUTHORIZED)}))
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, generateRequests::parse,
                (input, options) -> tasks.submitGenerate(key.id(), KieRunwayDialect.NAME, input, options));
    }

    @PostMapping("/api/v1/runway/extend")
    @Operation(summary = "Extend AI video", description = "Continues a successful task from its last frame; a new task.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = KieSchemas.ExtendRequest.class),
                    examples = @ExampleObject(name = "extend", value = KieExamples.EXTEND_REQUEST))))
    @ApiResponse(responseCode = "200", description = "The new task's id, or an error code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.TaskIdEnvelope.class),
                    examples = @ExampleObject(name = "accepted", value = KieExamples.TASK_ID_RESPONSE)))
    ApiEnvelope<Map<String, String>> extend(HttpServletRequest request,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, extendRequests::parse,
                (input, options) -> tasks.submitExtend(key.id(), KieRunwayDialect.NAME, input, options));
    }

    @GetMapping("/api/v1/runway/record-detail")
    @Operation(summary = "Get AI video details", description = "State and result of a generate or extend task.")
    @ApiResponse(responseCode = "200", description = "The task, or 404 in code when it is not the caller's",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.RecordDetailEnvelope.class),
                    examples = {@ExampleObject(name = "success", value = KieExamples.RECORD_DETAIL_SUCCESS),
                            @ExampleObject(name = "fail", value = KieExamples.RECORD_DETAIL_FAIL)}))
    ApiEnvelope<TaskDetailView> recordDetail(@RequestParam(required = false) String taskId,
                                             @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(views.of(tasks.findRunway(key.id(), KieRunwayDialect.NAME,
                TaskIdParameter.require(taskId))));
    }
}
