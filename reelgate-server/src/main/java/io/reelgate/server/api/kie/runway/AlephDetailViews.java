package io.reelgate.server.api.kie.runway;

import io.reelgate.server.api.common.PublicUrls;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Maps a task to the Aleph detail shape. Processing: {@code successFlag 0}, empty {@code errorMessage};
 * success: {@code successFlag 1}; failed: {@code successFlag 0} with {@code errorCode}/{@code errorMessage}.
 */
@Component
class AlephDetailViews {

    /** The documented example's form, e.g. {@code 2023-08-15T14:30:45Z} (UTC, whole seconds). */
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PublicUrls urls;

    AlephDetailViews(PublicUrls urls) {
        this.urls = urls;
    }

    AlephDetailView of(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        boolean failed = task.state() == TaskState.FAIL;
        return new AlephDetailView(
                task.id(),
                task.input().paramsJson() == null ? "{}" : task.input().paramsJson(),
                success ? new AlephDetailView.Response(task.id(), urls.file(task.videoKey()), urls.file(task.coverKey())) : null,
                task.state().isTerminal() ? iso(task.finishedAt()) : null,
                iso(task.createdAt()),
                success ? 1 : 0,
                failed && task.failCode() != null ? task.failCode() : 0,
                failed && task.failMsg() != null ? task.failMsg() : "");
    }

    private static String iso(Instant instant) {
        return instant == null ? null : ISO_SECONDS.format(instant);
    }
}
