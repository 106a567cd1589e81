package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.LimitParameter;
import io.reelgate.server.api.common.SubmitOptionsReader;
import io.reelgate.server.callback.WebhookEndpoints;
import io.reelgate.server.task.ModelTask;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskDeletion;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.TaskState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The OpenAI-style Videos API (docs/compatibility.md, "OpenAI /v1/videos"): create, retrieve, list, delete, remix. */
@RestController
@Tag(name = "Videos (OpenAI)", description = "OpenAI-style /v1/videos for every registry model")
class VideosController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final TaskService tasks;
    private final TaskDeletion deletion;
    private final VideoFormReader forms;
    private final VideoTasks videoTasks;
    private final WebhookEndpoints webhooks;
    private final ObjectMapper json;

    VideosController(TaskService tasks, TaskDeletion deletion, VideoFormReader forms, VideoTasks videoTasks,
                     WebhookEndpoints webhooks, ObjectMapper json) {
        this.tasks = tasks;
        this.deletion = deletion;
        this.forms = forms;
        this.videoTasks = videoTasks;
        this.webhooks = webhooks;
        this.json = json;
    }

    @PostMapping("/v1/videos")
    @Operation(summary = "Create a video", description = "JSON or multipart/form-data (prompt, model, seconds, size, "
            + "input_reference as a file part, input_reference[image_url] or {\"image_url\":…}). model defaults to "
            + "sora-2; any registry model id is accepted.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    examples = {@ExampleObject(name = "sora-2 text-to-video", value = VideoExamples.CREATE),
                            @ExampleObject(name = "sora-2-pro from an image", value = VideoExamples.CREATE_WITH_IMAGE)})))
    @ApiResponse(responseCode = "200", description = "The new video, queued", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "queued", value = VideoExamples.QUEUED)))
    @ApiResponse(responseCode = "400", description = "A field is invalid (param names it)", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "bad seconds",
            value = VideoExamples.BAD_SECONDS)))
    VideoView create(HttpServletRequest request, @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        VideoForm form = forms.read(request, key.id());
        ModelTask task = videoTasks.of(form, webhooks.of(key.id()).orElse(null), json.writeValueAsString(form.received()));
        String taskId = tasks.submitModel(key.id(), task, SubmitOptionsReader.read(request, form.received()));
        return VideoViews.of(tasks.findInDialect(key.id(), OpenAiDialect.NAME, taskId));
    }

    @GetMapping("/v1/videos/{video_id}")
    @Operation(summary = "Retrieve a video")
    @ApiResponse(responseCode = "200", description = "The video", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "completed", value = VideoExamples.COMPLETED)))
    @ApiResponse(responseCode = "404", description = "No video of yours has that id", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "not found", value = VideoExamples.NOT_FOUND)))
    VideoView retrieve(@PathVariable("video_id") String videoId,
                       @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return VideoViews.of(OwnedVideos.find(tasks, key, videoId));
    }

    @GetMapping("/v1/videos")
    @Operation(summary = "List videos", description = "Newest first unless order=asc; after = the last id of the "
            + "previous page; limit 1-100 (default 20).")
    @ApiResponse(responseCode = "200", description = "One page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = VideoExamples.LIST)))
    Map<String, Object> list(@RequestParam(required = false) String after,
                             @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String order,
                             @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        int size = Math.max(1, Math.min(LimitParameter.parse(limit, DEFAULT_LIMIT), MAX_LIMIT));
        boolean ascending = ascending(order);
        String afterTask = after == null || after.isBlank() ? null : VideoIds.taskIdOf(after).orElseThrow(() ->
                VideoRequestException.invalid("after", "after must be the id of one of your videos"));
        List<Task> rows = tasks.listInDialect(key.id(), OpenAiDialect.NAME, afterTask, "after", size + 1, ascending);
        List<VideoView> data = new ArrayList<>(rows.stream().limit(size).map(VideoViews::of).toList());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("object", "list");
        page.put("data", data);
        page.put("first_id", data.isEmpty() ? null : data.get(0).id());
        page.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).id());
        page.put("has_more", rows.size() > size);
        return page;
    }

    @DeleteMapping("/v1/videos/{video_id}")
    @Operation(summary = "Delete a completed or failed video and its files")
    @ApiResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "deleted", value = VideoExamples.DELETED)))
    Map<String, Object> delete(@PathVariable("video_id") String videoId,
                               @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        Task task = OwnedVideos.find(tasks, key, videoId);
        deletion.deleteFinished(key.id(), OpenAiDialect.NAME, task.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", VideoIds.of(task.id()));
        answer.put("deleted", true);
        answer.put("object", "video.deleted");
        return answer;
    }

    @PostMapping("/v1/videos/{video_id}/remix")
    @Operation(summary = "Remix a completed video with a new prompt", description = "A new generation with the "
            + "source's model, seconds, size and input_reference and the new prompt.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "remix", value = VideoExamples.REMIX))))
    @ApiResponse(responseCode = "200", description = "The new video, queued", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "queued", value = VideoExamples.QUEUED)))
    VideoView remix(@PathVariable("video_id") String videoId, HttpServletRequest request,
                    @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        Task source = OwnedVideos.find(tasks, key, videoId);
        if (source.state() != TaskState.SUCCESS || source.expired()) {
            throw VideoRequestException.invalid("video_id", "Video '" + videoId + "' cannot be remixed: "
                    + (source.expired() ? "its content has expired." : "its status is " + VideoViews.status(source.state()) + "."));
        }
        String prompt = forms.remixPrompt(request);
        Map<String, Object> received = Map.of("prompt", prompt);
        VideoForm form = new VideoForm(prompt, source.input().model(),
                source.input().duration() == null ? null : source.input().duration().toString(), source.input().size(),
                source.input().imageUrl(), extrasOf(source), json.valueToTree(received));
        ModelTask generate = videoTasks.of(form, webhooks.of(key.id()).orElse(null), json.writeValueAsString(received));
        ModelTask remix = generate.continuing(source.id(), generate.input());
        String taskId = tasks.submitModel(key.id(), remix, SubmitOptionsReader.read(request, form.received()));
        return VideoViews.of(tasks.findInDialect(key.id(), OpenAiDialect.NAME, taskId));
    }

    /** The source's non-OpenAI fields (a model's own, such as Kling's {@code sound}), so its remix validates too. */
    private Map<String, Object> extrasOf(Task source) {
        Map<String, Object> extras = new LinkedHashMap<>();
        if (source.input().paramsJson() != null) {
            json.readTree(source.input().paramsJson()).properties().stream()
                    .filter(field -> !VideoForm.OPENAI_FIELDS.contains(field.getKey()) && !field.getKey().contains("["))
                    .forEach(field -> extras.put(field.getKey(), json.treeToValue(field.getValue(), Object.class)));
        }
        return extras;
    }

    private static boolean ascending(String order) {
        if (order == null || order.isBlank() || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw VideoRequestException.invalid("order", "Invalid value: '" + order + "'. Supported values are: 'asc' and "
                + "'desc'.");
    }
}
