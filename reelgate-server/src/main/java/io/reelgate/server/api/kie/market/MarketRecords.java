package io.reelgate.server.api.kie.market;

import io.reelgate.server.storage.FileUrls;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** A task as the Market API shows it: the state words, the JSON strings and the fail code its clients expect. */
@Component
class MarketRecords {

    private final FileUrls urls;
    private final ObjectMapper json;

    MarketRecords(FileUrls urls, ObjectMapper json) {
        this.urls = urls;
        this.json = json;
    }

    MarketRecordView of(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        boolean failed = task.state() == TaskState.FAIL;
        String resultJson = success
                ? json.writeValueAsString(Map.of("resultUrls", List.of(urls.publicUrl(task.videoKey())))) : "";
        Long costTime = task.finishedAt() == null ? null
                : Duration.between(task.startedAt() == null ? task.createdAt() : task.startedAt(), task.finishedAt())
                        .toSeconds();
        return new MarketRecordView(task.id(), task.input().model(), state(task.state()), task.input().paramsJson(),
                resultJson, failed ? failCode(task.failCode()) : "", failed ? nonNull(task.failMsg()) : "", costTime,
                millis(task.finishedAt()), millis(task.createdAt()), millis(updatedAt(task)), task.progress(),
                success ? task.cost() : 0);
    }

    static String state(TaskState state) {
        return switch (state) {
            case WAIT -> "waiting";
            case QUEUEING -> "queuing";
            case GENERATING -> "generating";
            case SUCCESS -> "success";
            case FAIL -> "fail";
        };
    }

    /**
     * The Market's codes: 422 for what the input or its content caused (our 400: a rejected image, a cancel, a
     * refused prompt), 500 for our own faults, 501 for a generation that failed upstream.
     */
    static String failCode(Integer code) {
        if (code != null && code >= 400 && code < 500) {
            return "422";
        }
        return code != null && code == 500 ? "500" : "501";
    }

    private static Instant updatedAt(Task task) {
        for (Instant time : new Instant[] {task.finishedAt(), task.startedAt(), task.queuedAt()}) {
            if (time != null) {
                return time;
            }
        }
        return task.createdAt();
    }

    private static Long millis(Instant time) {
        return time == null ? null : time.toEpochMilli();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
