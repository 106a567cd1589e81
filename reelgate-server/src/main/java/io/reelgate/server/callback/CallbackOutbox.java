package io.reelgate.server.callback;

import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskTerminalListener;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the callback of a finished task into the outbox inside the transaction of its terminal state change, so
 * a crash can never lose it or send it for a state that did not commit. The body is rendered by the
 * {@link CallbackRenderer} of the task's dialect. Sending is {@link DeliverDueCallbacks}'s job.
 */
@Component
class CallbackOutbox implements TaskTerminalListener {

    private static final Logger log = LoggerFactory.getLogger(CallbackOutbox.class);

    private final CallbackDeliveryRepository deliveries;
    private final Map<String, CallbackRenderer> renderers;
    private final DeliverDueCallbacks sender;
    private final Clock clock;
    private final ObjectMapper json;

    /** Two renderers claiming one dialect fail the startup (toMap refuses the duplicate key). */
    CallbackOutbox(CallbackDeliveryRepository deliveries, List<CallbackRenderer> renderers, DeliverDueCallbacks sender,
                   Clock clock, ObjectMapper json) {
        this.deliveries = deliveries;
        this.renderers = renderers.stream().collect(Collectors.toUnmodifiableMap(CallbackRenderer::dialect,
                Function.identity()));
        this.sender = sender;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void onTerminal(Task task) {
        String url = task.input().callBackUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        CallbackRenderer renderer = renderers.get(task.dialect());
        if (renderer == null) {
            // failing here would roll the terminal state back and retry a finished run forever; the task keeps its
            // result and the operator sees which dialect lost its renderer
            log.error("No callback renderer for dialect {}: task {} finished without its callback", task.dialect(),
                    task.id());
            return;
        }
        deliveries.insert(task.id(), task.apiKeyId(), url, json.writeValueAsString(renderer.render(task)),
                clock.instant());
        // first attempt right after commit instead of at the next poll
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wakeUp();
            }
        });
    }
}
