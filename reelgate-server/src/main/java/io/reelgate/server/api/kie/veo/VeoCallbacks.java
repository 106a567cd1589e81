package io.reelgate.server.api.kie.veo;

import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.callback.CallbackRenderer;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Veo callbacks (docs/compatibility.md, "KIE Veo 3.1"): generate and extend in the callback page's shape
 * ({@code data.info} with URL arrays), 4K in the page's shape plus the OpenAPI schema's snake_case keys.
 */
@Component
record VeoCallbacks(VeoRecords records) implements CallbackRenderer {

    static final String GENERATED = "Veo3.1 video generated successfully.";
    static final String EXTENDED = "Veo3.1 video extension successful.";
    static final String FOUR_K_DONE = "4K Video generated successfully.";
    static final String FOUR_K_FAILED = "The 4K version of this video is unavailable. Please try a different video.";
    static final String FAILED = "Internal Error, Please try again later.";

    @Override
    public String dialect() {
        return KieVeoDialect.NAME;
    }

    @Override
    public ApiEnvelope<Map<String, Object>> render(Task task) {
        boolean fourK = records.rendition(task).map(RenditionParams::fourK).orElse(false);
        return fourK ? fourK(task) : video(task);
    }

    private ApiEnvelope<Map<String, Object>> video(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id());
        if (success) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("resultUrls", List.of(records.resultUrl(task)));
            info.put("originUrls", records.originUrls(task));
            info.put("resolution", VeoRecords.resolution(task));
            data.put("info", info);
        }
        data.put("fallbackFlag", false);
        if (success) {
            return new ApiEnvelope<>(200, task.kind() == TaskKind.EXTEND ? EXTENDED : GENERATED, data);
        }
        return new ApiEnvelope<>(VeoRecords.errorCode(task.failCode()),
                task.failMsg() == null || task.failMsg().isBlank() ? FAILED : task.failMsg(), data);
    }

    private ApiEnvelope<Map<String, Object>> fourK(Task task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id());
        data.put("task_id", task.id());
        if (task.state() != TaskState.SUCCESS) {
            return new ApiEnvelope<>(500, FOUR_K_FAILED, data);
        }
        List<String> videos = List.of(records.resultUrl(task));
        List<String> covers = records.coverUrls(task);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("resultUrls", videos);
        info.put("imageUrls", covers);
        data.put("info", info);
        data.put("result_urls", videos);
        data.put("media_ids", List.of(task.id()));
        data.put("image_urls", covers);
        data.put("creditsConsumed", task.cost());
        return new ApiEnvelope<>(200, FOUR_K_DONE, data);
    }
}
