package io.reelgate.server.callback;

import java.time.Instant;

/** One callback of one task, with its retry state; {@code id} is the stable webhook-id. */
public record CallbackDelivery(String id, String taskId, String apiKeyId, String url, String payload, String state,
                               int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                               Instant createdAt, Instant deliveredAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";
}
