package io.reelgate.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.VideoEngine;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code reelgate.engine.deadline{engine}}: how long a task may stay {@code generating} on an engine before an
 * operator should look at it. Upstream engines give up by themselves after their task timeout; a local render has no
 * timeout of its own, so {@code reelgate.metrics.render-deadline} says what is too long. The stuck-task alert
 * compares {@code reelgate_tasks_oldest_age_seconds} with this, so the rule holds one threshold per engine without
 * repeating the configuration.
 */
@Component
class EngineDeadlineGauges {

    static final String DEADLINE = "reelgate.engine.deadline";

    EngineDeadlineGauges(List<VideoEngine> engines, MeterRegistry registry,
                         @Value("${reelgate.metrics.render-deadline:30m}") Duration renderDeadline) {
        for (VideoEngine engine : engines) {
            double seconds = (engine instanceof AsyncVideoEngine async ? async.upstreamTimeout() : renderDeadline)
                    .toMillis() / 1000.0;
            Gauge.builder(DEADLINE, () -> seconds).baseUnit("seconds").tag("engine", engine.name())
                    .description("Time a task may spend generating on this engine before it counts as stuck")
                    .register(registry);
        }
    }
}
