package io.reelgate.server.task;

import java.time.Instant;

/**
 * One entry of the live task stream. {@code id} (a microsecond clock reading, strictly increasing per node) is what
 * clients send back as {@code Last-Event-ID} to resume, on this node or another.
 */
public record TaskEvent(long id, String apiKeyId, String taskId, TaskLabel label, String state, int progress,
                        Integer failCode, String failMsg, Instant at) {

    public String kind() {
        return label.kind();
    }
}
