package io.reelgate.server.api;

import io.reelgate.server.task.InvalidRequestException;

/** The {@code taskId} query parameter of the detail endpoints. */
final class TaskIdParameter {

    private TaskIdParameter() {
    }

    static String require(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            throw new InvalidRequestException("taskId", "taskId is required");
        }
        return taskId.trim();
    }
}
