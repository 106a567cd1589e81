package io.reelgate.server.callback;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the owner of a task (or an operator) may see and do with its callbacks. */
@Service
public class CallbackQueries {

    public record DeliveryView(CallbackDelivery delivery, List<CallbackAttempt> attempts) {
    }

    private final CallbackDeliveryRepository deliveries;
    private final DeliverDueCallbacks sender;
    private final Clock clock;

    CallbackQueries(CallbackDeliveryRepository deliveries, DeliverDueCallbacks sender, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /** The deliveries of a task with every attempt; {@code apiKeyId} null means an operator asking. */
    public List<DeliveryView> forTask(String taskId, String apiKeyId) {
        return deliveries.forTask(taskId).stream()
                .filter(d -> apiKeyId == null || d.apiKeyId().equals(apiKeyId))
                .map(d -> new DeliveryView(d, deliveries.attempts(d.id())))
                .toList();
    }

    /** Starts a fresh round of attempts for a delivery that is dead or delivered. */
    public DeliveryView redeliver(String deliveryId, String apiKeyId) {
        CallbackDelivery delivery = deliveries.find(deliveryId)
                .filter(d -> apiKeyId == null || d.apiKeyId().equals(apiKeyId))
                .orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
        deliveries.redeliver(delivery.id(), clock.instant());
        sender.wakeUp();
        return new DeliveryView(deliveries.find(deliveryId).orElseThrow(), deliveries.attempts(deliveryId));
    }
}
