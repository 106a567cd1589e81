package io.reelgate.client.model;

/**
 * Reelgate's own task view ({@code GET /api/v1/tasks/{taskId}}, a Reelgate extension): what KIE's detail lacks.
 * Times are ISO-8601 UTC strings; {@code queuePosition} is set only while the task waits.
 */
public record TaskView(String taskId, String kind, String engine, String state, int progress, Integer queuePosition,
                       String parentTaskId, long cost, String createdAt, String queuedAt, String startedAt,
                       String finishedAt, String deadlineAt, String expiresAt, boolean expired, String videoUrl,
                       String coverUrl, Integer failCode, String failMsg) {

    public boolean isTerminal() {
        return "success".equals(state) || "fail".equals(state);
    }
}
