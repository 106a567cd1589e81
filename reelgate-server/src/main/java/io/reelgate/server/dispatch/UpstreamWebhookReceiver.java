package io.reelgate.server.dispatch;

import io.reelgate.server.engine.UpstreamWebhooks;
import io.reelgate.server.engine.UpstreamWebhooks.UpstreamWebhook;
import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.task.UpstreamTracking;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes a provider's webhook for one task (fal's {@code fal_webhook}, Replicate's {@code webhook}): the engine
 * verifies the signature over the raw bytes, and a verified delivery naming the task's upstream run makes the task
 * due for a poll at once ({@link UpstreamTracking#nudge}). The poll re-reads the provider and ends the task through
 * the usual path, so a webhook never carries a result the provider's API does not confirm, a duplicate or late one
 * changes nothing, and a lost one only waits for the safety-net poll.
 */
@Component
public class UpstreamWebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(UpstreamWebhookReceiver.class);

    /** What became of one delivery. */
    public enum Outcome {
        /** Verified; the task is polled now (or had ended, or is being collected: nothing to do). */
        ACCEPTED,
        /** No engine of that name on this server takes webhooks. */
        UNKNOWN_ENGINE,
        /** The signature, timestamp or body did not verify; nothing changed. */
        REJECTED
    }

    private final EngineRegistry engines;
    private final UpstreamTracking upstream;
    private final Clock clock;

    UpstreamWebhookReceiver(EngineRegistry engines, UpstreamTracking upstream, Clock clock) {
        this.engines = engines;
        this.upstream = upstream;
        this.clock = clock;
    }

    /**
     * @param headers request headers, names in lower case
     * @param body    the raw body as received
     */
    public Outcome receive(String engine, String taskId, Map<String, String> headers, byte[] body) {
        Optional<UpstreamWebhooks> verifier = engines.findAsync(engine)
                .filter(UpstreamWebhooks.class::isInstance).map(UpstreamWebhooks.class::cast);
        if (verifier.isEmpty()) {
            return Outcome.UNKNOWN_ENGINE;
        }
        UpstreamWebhook delivery;
        try {
            delivery = verifier.get().verify(headers, body);
        } catch (WebhookRejectedException e) {
            log.warn("Task {}: refused a {} webhook: {}", taskId, engine, e.getMessage());
            return Outcome.REJECTED;
        }
        if (upstream.nudge(taskId, engine, delivery.upstreamId(), clock.instant())) {
            log.info("Task {}: {} reported upstream run {} as {}; polling it now", taskId, engine,
                    delivery.upstreamId(), delivery.status().upstreamState());
        } else {
            log.debug("Task {}: {} webhook for {} changed nothing (ended, collecting or another run)", taskId, engine,
                    delivery.upstreamId());
        }
        return Outcome.ACCEPTED;
    }
}
