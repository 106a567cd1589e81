package io.reelgate.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.task.TaskStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code reelgate.tasks.queue.depth{engine,state}}: unfinished tasks per engine and state, cluster-wide (it is read
 * from the database). Refreshed by one grouped, indexed query every few seconds, so scrapes cost no query.
 */
@Component
class QueueDepthGauges {

    static final String QUEUE_DEPTH = "reelgate.tasks.queue.depth";
    private static final Logger log = LoggerFactory.getLogger(QueueDepthGauges.class);

    private static final List<String> STATES = List.of("wait", "queueing", "generating");

    private final TaskStats stats;
    private final List<String> engines;
    private final MultiGauge gauge;

    QueueDepthGauges(TaskStats stats, List<VideoEngine> engines, MeterRegistry registry) {
        this.stats = stats;
        this.engines = engines.stream().map(VideoEngine::name).toList();
        this.gauge = MultiGauge.builder(QUEUE_DEPTH)
                .description("Unfinished tasks per engine and state (wait, queueing, generating)")
                .register(registry);
    }

    @Scheduled(initialDelayString = "1s", fixedDelayString = "${reelgate.metrics.queue-depth-interval:5s}")
    void refresh() {
        try {
            // this node's engines always show all three states (0 when empty); other engines while they have tasks
            Map<List<String>, Long> depth = new LinkedHashMap<>();
            engines.forEach(engine -> STATES.forEach(state -> depth.put(List.of(engine, state), 0L)));
            stats.unfinishedByEngine().forEach(c -> depth.put(List.of(c.engine(), c.state()), c.count()));
            gauge.register(depth.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("engine", e.getKey().get(0), "state", e.getKey().get(1)),
                            e.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("Queue depth refresh failed: {}", e.toString());
        }
    }
}
