package io.reelgate.server.api.kie.runway;

import io.reelgate.server.callback.CallbackRenderer;
import io.reelgate.server.storage.FileUrls;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The callback bodies of the {@code kie-runway} dialect (docs/kie-contract.md, "Generate and extend callbacks",
 * "Aleph callback"): generate and extend share the snake_case Runway shape; Aleph has its own, with the result URLs in
 * {@code data} and {@code taskId} at the top level. Keys keep the documented order.
 */
@Component
record KieRunwayCallbacks(FileUrls urls) implements CallbackRenderer {

    @Override
    public String dialect() {
        return KieRunwayDialect.NAME;
    }

    @Override
    public Map<String, Object> render(Task task) {
        return task.kind() == TaskKind.ALEPH ? aleph(task) : runway(task);
    }

    private Map<String, Object> runway(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task_id", task.id());
        data.put("video_id", success ? task.videoId() : "");
        data.put("video_url", success ? urls.publicUrl(task.videoKey()) : "");
        data.put("image_url", success ? urls.publicUrl(task.coverKey()) : "");
        return envelope(success ? 200 : task.failCode(), success ? "All generated successfully." : task.failMsg(), data);
    }

    private Map<String, Object> aleph(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        Map<String, Object> data = null;
        if (success) {
            data = new LinkedHashMap<>();
            data.put("result_video_url", urls.publicUrl(task.videoKey()));
            data.put("result_image_url", urls.publicUrl(task.coverKey()));
        }
        Map<String, Object> body = envelope(success ? 200 : task.failCode(), success ? "success" : task.failMsg(), data);
        body.put("taskId", task.id());
        return body;
    }

    private static Map<String, Object> envelope(Integer code, String msg, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code == null ? 500 : code);
        body.put("msg", msg == null ? "" : msg);
        body.put("data", data);
        return body;
    }
}
