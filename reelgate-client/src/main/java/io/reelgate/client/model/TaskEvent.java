package io.reelgate.client.model;

/**
 * One event of the live task stream ({@code GET /api/v1/tasks/stream}, a Reelgate extension): a state change or a
 * progress report. {@code eventId} is what a reconnect sends back as {@code Last-Event-ID}.
 */
public record TaskEvent(long eventId, String taskId, String kind, String state, int progress, Integer failCode,
                        String failMsg, String at) {

    public boolean isTerminal() {
        return "success".equals(state) || "fail".equals(state);
    }
}
