package io.reelgate.server.task;

import java.time.Instant;

/** One row of the {@code task} table. */
public record Task(
        String id,
        String apiKeyId,
        TaskKind kind,
        String parentTaskId,
        String engine,
        TaskState state,
        TaskInput input,
        long cost,
        Instant createdAt,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        String leaseOwner,
        Instant leaseUntil,
        int attempts,
        int progress,
        Integer failCode,
        String failMsg,
        String videoId,
        String videoKey,
        String coverKey,
        String startFrameKey,
        Integer width,
        Integer height,
        Instant expiresAt,
        boolean expired) {

    public String prompt() {
        return input.prompt();
    }
}
