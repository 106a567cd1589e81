package io.reelgate.server.task;

import java.time.Duration;

/**
 * Reelgate extensions a submit may carry; all optional.
 *
 * @param idempotencyKey     the client's {@code Idempotency-Key}, scoped to its API key
 * @param requestFingerprint what "the same request" means for that key: endpoint and body, hashed
 * @param deadline           cancel the task (and refund) if it has not finished by then
 */
public record SubmitOptions(String idempotencyKey, String requestFingerprint, Duration deadline) {

    public static final SubmitOptions NONE = new SubmitOptions(null, null, null);
}
