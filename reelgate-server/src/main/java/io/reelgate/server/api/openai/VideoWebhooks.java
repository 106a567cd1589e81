package io.reelgate.server.api.openai;

import io.reelgate.server.callback.CallbackRenderer;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The OpenAI webhook event of a finished video, {@code video.completed} or {@code video.failed}, sent to the key's
 * webhook endpoint and signed the Standard Webhooks way by the shared signer. The event id derives from the task,
 * so a re-rendered event keeps its id.
 */
@Component
class VideoWebhooks implements CallbackRenderer {

    @Override
    public String dialect() {
        return OpenAiDialect.NAME;
    }

    @Override
    public Map<String, Object> render(Task task) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + task.id().replace("-", ""));
        event.put("object", "event");
        event.put("created_at", (task.finishedAt() == null ? task.createdAt() : task.finishedAt()).getEpochSecond());
        event.put("type", task.state() == TaskState.SUCCESS ? "video.completed" : "video.failed");
        event.put("data", Map.of("id", VideoIds.of(task.id())));
        return event;
    }
}
