package io.reelgate.server.task;

import java.time.Instant;

/**
 * One entry of the live task stream. {@code id} increases on this node and is what clients send back as
 * {@code Last-Event-ID} to resume.
 */
public record TaskEvent(long id, String apiKeyId, String taskId, String kind, String state, int progress,
                        Integer failCode, String failMsg, Instant at) {
}
