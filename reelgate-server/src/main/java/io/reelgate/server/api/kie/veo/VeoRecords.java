package io.reelgate.server.api.kie.veo;

import io.reelgate.server.storage.FileUrls;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** A task as the Veo endpoints and callbacks show it: success flag, error code, result and cover URLs. */
@Component
class VeoRecords {

    private static final String SIXTEEN_NINE = "16:9";

    private final FileUrls urls;
    private final ObjectMapper json;

    VeoRecords(FileUrls urls, ObjectMapper json) {
        this.urls = urls;
        this.json = json;
    }

    VeoRecordView of(Task task) {
        boolean failed = task.state() == TaskState.FAIL;
        boolean fourK = rendition(task).map(RenditionParams::fourK).orElse(false);
        return new VeoRecordView(task.id(), task.input().paramsJson(), millis(task.finishedAt()),
                task.state() == TaskState.SUCCESS ? response(task, fourK) : null, successFlag(task),
                failed ? errorCode(task.failCode()) : null, failed && task.failMsg() != null ? task.failMsg() : "",
                millis(task.createdAt()), fourK ? null : Boolean.FALSE);
    }

    Optional<RenditionParams> rendition(Task task) {
        return RenditionParams.of(task.input().paramsJson(), json);
    }

    String resultUrl(Task task) {
        return urls.publicUrl(task.videoKey());
    }

    List<String> coverUrls(Task task) {
        return task.coverKey() == null ? List.of() : List.of(urls.publicUrl(task.coverKey()));
    }

    /** What the video's lines are called: the requested label, else its short side. */
    static String resolution(Task task) {
        if (task.input().quality() != null) {
            return task.input().quality();
        }
        return task.width() == null || task.height() == null ? null : Math.min(task.width(), task.height()) + "p";
    }

    List<String> originUrls(Task task) {
        return SIXTEEN_NINE.equals(task.input().aspectRatio()) ? List.of() : List.of(resultUrl(task));
    }

    private VeoResponseView response(Task task, boolean fourK) {
        List<String> result = List.of(resultUrl(task));
        return new VeoResponseView(task.id(), result, originUrls(task), resolution(task),
                task.kind() == TaskKind.EXTEND ? result : null, fourK ? List.of(task.id()) : null);
    }

    static int successFlag(Task task) {
        return switch (task.state()) {
            case WAIT, QUEUEING, GENERATING -> 0;
            case SUCCESS -> 1;
            case FAIL -> task.failCode() != null && task.failCode() >= 400 && task.failCode() < 500 ? 2 : 3;
        };
    }

    /** Veo's {@code errorCode} enum: 400 for what the input or its content caused, 500 for ours, 501 otherwise. */
    static int errorCode(Integer failCode) {
        if (failCode != null && failCode >= 400 && failCode < 500) {
            return 400;
        }
        return failCode != null && failCode == 500 ? 500 : 501;
    }

    private static Long millis(Instant time) {
        return time == null ? null : time.toEpochMilli();
    }
}
