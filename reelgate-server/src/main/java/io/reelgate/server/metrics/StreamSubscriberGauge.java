package io.reelgate.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.server.task.TaskEventHub;
import org.springframework.stereotype.Component;

/**
 * {@code reelgate.stream.subscribers}: the task-event streams this node holds open. They live in memory only (no
 * row shows them), and each holds a connection, so this is how an operator sees clients pile up behind a proxy.
 */
@Component
class StreamSubscriberGauge {

    static final String SUBSCRIBERS = "reelgate.stream.subscribers";

    StreamSubscriberGauge(TaskEventHub hub, MeterRegistry registry) {
        Gauge.builder(SUBSCRIBERS, hub, TaskEventHub::subscriberCount)
                .description("Task-event streams (GET /api/v1/tasks/stream) open on this node")
                .register(registry);
    }
}
