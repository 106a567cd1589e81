package io.reelgate.server.api.kie.market;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.api.kie.KieSubmits;
import io.reelgate.server.api.kie.KnownTasks;
import io.reelgate.server.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

/** KIE's unified Market jobs API (docs/compatibility.md, "KIE Market jobs"): one create for every registry model. */
@RestController
@Tag(name = "Market jobs (KIE)", description = "KIE Market createTask / recordInfo for every registry model")
class MarketController {

    /** What the Market answers for a task it does not know, or one of another key or dialect. */
    static final String UNKNOWN_TASK = "recordInfo is null";

    private final TaskService tasks;
    private final MarketRequestParser requests;
    private final MarketRecords records;
    private final JsonBodyReader bodies;

    MarketController(TaskService tasks, MarketRequestParser requests, MarketRecords records, JsonBodyReader bodies) {
        this.tasks = tasks;
        this.requests = requests;
        this.records = records;
        this.bodies = bodies;
    }

    @PostMapping("/api/v1/jobs/createTask")
    @Operation(summary = "Create a Market task", description = "Any model of the registry (GET /api/v1/models): "
            + "its input fields, allowed values and defaults come from the registry entry.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    examples = {@ExampleObject(name = "kling-2.6 text-to-video", value = MarketExamples.CREATE_KLING),
                            @ExampleObject(name = "hailuo image-to-video", value = MarketExamples.CREATE_HAILUO)})))
    @ApiResponse(responseCode = "200", description = "The new task's id, or an error code (401, 402, 422, 429…)",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "accepted", value = MarketExamples.CREATED),
                    @ExampleObject(name = "unknown model", value = MarketExamples.UNSUPPORTED_MODEL)}))
    ApiEnvelope<Map<String, String>> createTask(HttpServletRequest request,
                                                @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, requests::parse,
                (input, options) -> tasks.submitModel(key.id(), input, options));
    }

    @GetMapping("/api/v1/jobs/recordInfo")
    @Operation(summary = "Get a Market task", description = "State and result of a task createTask accepted.")
    @ApiResponse(responseCode = "200", description = "The record, or 422 in code for an unknown task",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "success", value = MarketExamples.RECORD_SUCCESS),
                    @ExampleObject(name = "fail", value = MarketExamples.RECORD_FAIL)}))
    ApiEnvelope<MarketRecordView> recordInfo(@RequestParam(required = false) String taskId,
                                             @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        if (taskId == null || taskId.isBlank()) {
            throw new ApiException(400, "taskId parameter is required");
        }
        return ApiEnvelope.success(records.of(KnownTasks.find(
                () -> tasks.findInDialect(key.id(), KieMarketDialect.NAME, taskId), UNKNOWN_TASK)));
    }
}
