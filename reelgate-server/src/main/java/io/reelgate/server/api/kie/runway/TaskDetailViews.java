package io.reelgate.server.api.kie.runway;

import io.reelgate.server.api.common.ApiProperties;
import io.reelgate.server.api.common.PublicUrls;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Maps a task to its KIE detail shape. */
@Component
class TaskDetailViews {

    private final DateTimeFormatter kieTime;
    private final PublicUrls urls;

    TaskDetailViews(ApiProperties properties, PublicUrls urls) {
        this.kieTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(properties.timeZone());
        this.urls = urls;
    }

    TaskDetailView of(Task task) {
        boolean failed = task.state() == TaskState.FAIL;
        return new TaskDetailView(
                task.id(),
                task.parentTaskId() == null ? "" : task.parentTaskId(),
                new TaskDetailView.GenerateParam(task.prompt(), generateImageUrl(task), task.input().expandPrompt()),
                task.state().wire(),
                kieTime.format(task.createdAt()),
                task.state() == TaskState.SUCCESS ? videoInfo(task) : null,
                failed && task.failCode() != null ? task.failCode() : "",
                failed ? nullToEmpty(task.failMsg()) : "",
                task.expired() ? 1 : 0);
    }

    /** The reference image of a generate task; for an extension, the frame it started from (once rendered). */
    private String generateImageUrl(Task task) {
        if (task.startFrameKey() != null) {
            return urls.file(task.startFrameKey());
        }
        return nullToEmpty(task.input().imageUrl());
    }

    private TaskDetailView.VideoInfo videoInfo(Task task) {
        return new TaskDetailView.VideoInfo(task.videoId(), task.id(), urls.file(task.videoKey()), urls.file(task.coverKey()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
