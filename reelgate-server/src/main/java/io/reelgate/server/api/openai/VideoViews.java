package io.reelgate.server.api.openai;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskState;
import java.time.Instant;

/**
 * A task as a {@code Video}: only the four documented statuses (Python's poller returns on any other word), progress
 * 0–100, times in Unix seconds, {@code expires_at} when the result files' retention ends.
 */
final class VideoViews {

    private VideoViews() {
    }

    static VideoView of(Task task) {
        boolean success = task.state() == TaskState.SUCCESS;
        boolean failed = task.state() == TaskState.FAIL;
        int progress = success ? 100 : Math.max(0, Math.min(99, task.progress()));
        return new VideoView(VideoIds.of(task.id()), "video", task.input().model(), status(task.state()), progress,
                task.prompt(), seconds(task.createdAt()), task.state().isTerminal() ? seconds(task.finishedAt()) : null,
                success ? seconds(task.expiresAt()) : null, size(task), seconds(task), VideoIds.of(task.parentTaskId()),
                failed ? new VideoView.VideoError(errorCode(task.failCode()), message(task.failMsg())) : null);
    }

    static String status(TaskState state) {
        return switch (state) {
            case WAIT, QUEUEING -> "queued";
            case GENERATING -> "in_progress";
            case SUCCESS -> "completed";
            case FAIL -> "failed";
        };
    }

    /** What the request caused (a refused input, a cancel) versus a generation that failed on our side. */
    static String errorCode(Integer failCode) {
        return failCode != null && failCode >= 400 && failCode < 500 ? "invalid_request" : "generation_failed";
    }

    private static String size(Task task) {
        if (task.width() != null && task.height() != null) {
            return task.width() + "x" + task.height();
        }
        return task.input().size();
    }

    private static String seconds(Task task) {
        return task.input().duration() == null ? null : Integer.toString(task.input().duration());
    }

    private static String message(String failMsg) {
        return failMsg == null || failMsg.isBlank() ? "Video generation failed." : failMsg;
    }

    private static Long seconds(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }
}
