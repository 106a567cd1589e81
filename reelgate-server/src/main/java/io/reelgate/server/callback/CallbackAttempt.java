package io.reelgate.server.callback;

import java.time.Instant;

/** One try of a delivery: the receiver's HTTP status, or why there was none. */
public record CallbackAttempt(String deliveryId, int attempt, Instant startedAt, long durationMs, Integer httpStatus,
                              String error) {
}
