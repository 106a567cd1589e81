package io.reelgate.server.api.reelgate;

import io.reelgate.server.callback.CallbackAttempt;
import io.reelgate.server.callback.CallbackQueries.DeliveryView;
import java.time.Instant;
import java.util.List;

/** JSON shape of callback deliveries (a Reelgate extension; KIE has no such endpoint). */
record CallbackViews() {

    record Delivery(String webhookId, String taskId, String url, String state, int attempts, String nextAttemptAt,
                    Integer lastStatus, String lastError, String createdAt, String deliveredAt, String payload,
                    List<Attempt> attemptLog) {
    }

    record Attempt(int attempt, String startedAt, long durationMs, Integer httpStatus, String error) {
        static Attempt of(CallbackAttempt a) {
            return new Attempt(a.attempt(), text(a.startedAt()), a.durationMs(), a.httpStatus(), a.error());
        }
    }

    static Delivery of(DeliveryView view) {
        var d = view.delivery();
        return new Delivery(d.id(), d.taskId(), d.url(), d.state(), d.attempts(),
                "pending".equals(d.state()) ? text(d.nextAttemptAt()) : null, d.lastStatus(), d.lastError(),
                text(d.createdAt()), text(d.deliveredAt()), d.payload(), view.attempts().stream().map(Attempt::of).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
