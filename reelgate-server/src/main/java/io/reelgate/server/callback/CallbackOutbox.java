package io.reelgate.server.callback;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskTerminalListener;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the callback of a finished task into the outbox inside the transaction of its terminal state change, so
 * a crash can never lose it or send it for a state that did not commit. Sending is {@link DeliverDueCallbacks}'s job.
 */
@Component
class CallbackOutbox implements TaskTerminalListener {

    private final CallbackDeliveryRepository deliveries;
    private final CallbackPayloads payloads;
    private final DeliverDueCallbacks sender;
    private final Clock clock;

    CallbackOutbox(CallbackDeliveryRepository deliveries, CallbackPayloads payloads, DeliverDueCallbacks sender,
                   Clock clock) {
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void onTerminal(Task task) {
        String url = task.input().callBackUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        deliveries.insert(task.id(), task.apiKeyId(), url, payloads.of(task), clock.instant());
        // first attempt right after commit instead of at the next poll
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wakeUp();
            }
        });
    }
}
