package io.reelgate.server.api.kie.veo;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.api.kie.CallBackUrls;
import io.reelgate.server.api.kie.KieSubmits;
import io.reelgate.server.api.kie.KnownTasks;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** KIE's dedicated Veo 3.1 endpoints (docs/compatibility.md, "KIE Veo 3.1"). */
@RestController
@Tag(name = "Veo 3.1 (KIE)", description = "KIE Veo generate / record-info / 1080p / 4K / extend")
class VeoController {

    static final String GENERATE = "/api/v1/veo/generate";
    static final String RECORD_INFO = "/api/v1/veo/record-info";
    static final String FULL_HD = "/api/v1/veo/get-1080p-video";
    static final String FOUR_K = "/api/v1/veo/get-4k-video";
    static final String EXTEND = "/api/v1/veo/extend";

    /** What record-info (and every endpoint naming a task) answers for an unknown task, another key's or dialect's. */
    static final String UNKNOWN_TASK = "record is null";
    static final String FULL_HD_PROCESSING = "1080P is processing. It should be ready in 1-2 minutes. "
            + "Please check back shortly.";
    static final String FOUR_K_PROCESSING = "4k is processing. It should be ready in 5-10 minutes. "
            + "Please check back shortly.";
    static final String FOUR_K_DONE = "The video has been generated successfully";
    static final String RENDITION_FAILED = "Internal Error, Please try again later.";

    private final TaskService tasks;
    private final VeoRequestParser requests;
    private final VeoRecords records;
    private final VeoRenditions renditions;
    private final JsonBodyReader bodies;

    VeoController(TaskService tasks, VeoRequestParser requests, VeoRecords records, VeoRenditions renditions,
                  JsonBodyReader bodies) {
        this.tasks = tasks;
        this.requests = requests;
        this.records = records;
        this.renditions = renditions;
        this.bodies = bodies;
    }

    @PostMapping(GENERATE)
    @Operation(summary = "Generate a Veo 3.1 video", description = "Text, image (one image or a first+last frame "
            + "pair) or reference images to video; model veo3 / veo3_fast (default) / veo3_lite; aspectRatio or "
            + "aspect_ratio.", requestBody = @RequestBody(required = true, content = @Content(
            mediaType = "application/json", examples = {
                    @ExampleObject(name = "reference images (documented)", value = VeoExamples.GENERATE_REFERENCE),
                    @ExampleObject(name = "text-to-video", value = VeoExamples.GENERATE_TEXT)})))
    @ApiResponse(responseCode = "200", description = "The new task's id, or an error code (401, 402, 422, 429…)",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "accepted", value = VeoExamples.GENERATED),
                    @ExampleObject(name = "unknown model", value = VeoExamples.UNSUPPORTED_MODEL)}))
    ApiEnvelope<Map<String, String>> generate(HttpServletRequest request,
                                              @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, requests::generate,
                (input, options) -> tasks.submitModel(key.id(), input, options));
    }

    @GetMapping(RECORD_INFO)
    @Operation(summary = "Get a Veo task", description = "State and result of a generate, extend or 4K task.")
    @ApiResponse(responseCode = "200", description = "The record, or 422 in code for an unknown task",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "success", value = VeoExamples.RECORD_SUCCESS),
                    @ExampleObject(name = "unknown task", value = VeoExamples.RECORD_UNKNOWN)}))
    ApiEnvelope<VeoRecordView> recordInfo(@RequestParam(required = false) String taskId,
                                          @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(records.of(known(() -> tasks.findInDialect(key.id(), KieVeoDialect.NAME,
                required(taskId)))));
    }

    @GetMapping(FULL_HD)
    @Operation(summary = "Get the 1080p version", description = "The first call re-renders the finished video at "
            + "1080p (5 credits, once); until it is ready the answer is code 400 \"1080P is processing…\".")
    @ApiResponse(responseCode = "200", description = "data.resultUrl, or 400 while processing",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "ready", value = VeoExamples.FULL_HD_READY),
                    @ExampleObject(name = "processing", value = VeoExamples.FULL_HD_PROCESSING)}))
    ApiEnvelope<Map<String, String>> fullHd(@RequestParam(required = false) String taskId,
                                            @RequestParam(required = false) Integer index,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        Task source = known(() -> renditions.source(key.id(), required(taskId), index));
        if (RenditionSize.FULL_HD.label.equals(source.input().quality())) {
            return ApiEnvelope.success(Map.of("resultUrl", records.resultUrl(source)));
        }
        Task rendition = renditions.start(key.id(), source, RenditionSize.FULL_HD, null);
        if (rendition.state() == TaskState.FAIL) {
            throw new ApiException(500, RENDITION_FAILED);
        }
        if (rendition.state() != TaskState.SUCCESS) {
            throw new ApiException(400, FULL_HD_PROCESSING);
        }
        return ApiEnvelope.success(Map.of("resultUrl", records.resultUrl(rendition)));
    }

    @PostMapping(FOUR_K)
    @Operation(summary = "Get the 4K version", description = "Starts a 4K re-render of the finished video (120 "
            + "credits, once), reported through record-info and a 4K callback.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VeoSchemas.FourKRequest.class),
                    examples = @ExampleObject(name = "4K", value = VeoExamples.FOUR_K))))
    @ApiResponse(responseCode = "200", description = "The 4K task, or 422 while processing / once generated",
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "started", value = VeoExamples.FOUR_K_STARTED),
                    @ExampleObject(name = "processing", value = VeoExamples.FOUR_K_PROCESSING)}))
    ApiEnvelope<Map<String, Object>> fourK(HttpServletRequest request,
                                           @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        JsonNode body = bodies.read(request);
        String taskId = body.path("taskId").isString() ? body.get("taskId").asString() : null;
        Integer index = body.path("index").isNumber() ? body.get("index").asInt() : null;
        Task source = known(() -> renditions.source(key.id(), required(taskId), index));
        String callBackUrl = CallBackUrls.read(body.path("callBackUrl"));
        Optional<Task> existing = renditions.existing(key.id(), source, RenditionSize.FOUR_K);
        if (existing.isEmpty()) {
            Task started = renditions.start(key.id(), source, RenditionSize.FOUR_K,
                    callBackUrl != null ? callBackUrl : source.input().callBackUrl());
            return ApiEnvelope.success(fourKData(started));
        }
        Task rendition = existing.get();
        return switch (rendition.state()) {
            case SUCCESS -> new ApiEnvelope<>(422, FOUR_K_DONE, fourKData(rendition));
            case FAIL -> throw new ApiException(500, VeoCallbacks.FOUR_K_FAILED);
            default -> throw new ApiException(422, FOUR_K_PROCESSING);
        };
    }

    @PostMapping(EXTEND)
    @Operation(summary = "Extend a Veo video", description = "A new task continuing a finished generate or extend "
            + "task of this key; model fast (default) / quality / lite.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VeoSchemas.ExtendRequest.class),
                    examples = @ExampleObject(name = "extend", value = VeoExamples.EXTEND))))
    @ApiResponse(responseCode = "200", description = "The extension task's id, or an error code",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "accepted",
                    value = VeoExamples.EXTENDED)))
    ApiEnvelope<Map<String, String>> extend(HttpServletRequest request,
                                            @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return KieSubmits.accept(bodies, request, body -> requests.extend(body, parentOf(key.id(), body).id()),
                (input, options) -> tasks.submitModel(key.id(), input, options));
    }

    /** The body's taskId: a finished video of this key from generate or extend not gone through 1080p or 4K. */
    private Task parentOf(String apiKeyId, JsonNode body) {
        JsonNode id = body.path("taskId");
        if (!id.isString() || id.asString().isBlank()) {
            throw new InvalidRequestException("taskId", "taskId is required");
        }
        String taskId = id.asString();
        Task parent;
        try {
            parent = tasks.findInDialect(apiKeyId, KieVeoDialect.NAME, taskId);
        } catch (TaskNotFoundException e) {
            throw new InvalidRequestException("taskId", "taskId " + taskId + " is not a task of yours");
        }
        if (parent.state() != TaskState.SUCCESS || parent.expired()) {
            throw new InvalidRequestException("taskId", "taskId " + taskId + " cannot be extended: "
                    + (parent.expired() ? "its video has expired" : "its state is " + parent.state().wire()));
        }
        if (records.rendition(parent).isPresent() || renditions.hasFullHd(parent.id())) {
            throw new InvalidRequestException("taskId", "taskId " + taskId
                    + " cannot be extended: a video that went through the 1080p or 4K endpoint cannot be extended");
        }
        return parent;
    }

    private Map<String, Object> fourKData(Task rendition) {
        boolean done = rendition.state() == TaskState.SUCCESS;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", rendition.id());
        data.put("resultUrls", done ? List.of(records.resultUrl(rendition)) : null);
        data.put("imageUrls", done ? records.coverUrls(rendition) : null);
        return data;
    }

    private static String required(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new ApiException(422, "taskId is required");
        }
        return taskId;
    }

    private static Task known(Supplier<Task> lookup) {
        return KnownTasks.find(lookup, UNKNOWN_TASK);
    }
}
