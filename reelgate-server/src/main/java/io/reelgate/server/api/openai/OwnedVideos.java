package io.reelgate.server.api.openai;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.task.TaskService;

/** Looks a wire id up among the calling key's videos: a malformed id, another key's or dialect's task all read 404. */
final class OwnedVideos {

    private OwnedVideos() {
    }

    static Task find(TaskService tasks, AuthenticatedKey key, String videoId) {
        String taskId = VideoIds.taskIdOf(videoId).orElseThrow(() -> VideoRequestException.notFound(videoId));
        try {
            return tasks.findInDialect(key.id(), OpenAiDialect.NAME, taskId);
        } catch (TaskNotFoundException e) {
            throw VideoRequestException.notFound(videoId);
        }
    }
}
