package io.reelgate.server.api.common;

import io.reelgate.server.task.InvalidRequestException;

/** The {@code taskId} query parameter of the detail endpoints. */
public final class TaskIdParameter {

    private TaskIdParameter() {
    }

    public static String require(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new InvalidRequestException("taskId", "taskId is required");
        }
        return taskId.trim();
    }
}
