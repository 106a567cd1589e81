package io.reelgate.client.model;

import java.util.List;

/**
 * One callback delivery of a task with every attempt (Reelgate extension {@code GET /api/v1/callbacks}).
 *
 * @param webhookId     id to pass to {@code redeliverCallback}
 * @param taskId        the task the callback is about
 * @param url           the callBackUrl
 * @param state         e.g. {@code pending}, {@code delivered}, {@code failed}
 * @param attempts      attempts made so far
 * @param nextAttemptAt ISO time of the next attempt while pending, else null
 * @param lastStatus    HTTP status of the last attempt, null when none answered
 * @param lastError     error of the last attempt, null if none
 * @param createdAt     ISO time
 * @param deliveredAt   ISO time of success, else null
 * @param payload       the JSON body sent
 * @param attemptLog    every attempt, oldest first
 */
public record CallbackDelivery(String webhookId, String taskId, String url, String state, int attempts,
                               String nextAttemptAt, Integer lastStatus, String lastError, String createdAt,
                               String deliveredAt, String payload, List<Attempt> attemptLog) {

    public CallbackDelivery {
        attemptLog = attemptLog == null ? List.of() : List.copyOf(attemptLog);
    }

    /** One delivery attempt. */
    public record Attempt(int attempt, String startedAt, long durationMs, Integer httpStatus, String error) {
    }
}
