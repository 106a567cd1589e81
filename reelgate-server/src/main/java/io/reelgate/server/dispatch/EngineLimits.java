package io.reelgate.server.dispatch;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.task.TaskRepository;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Per-engine concurrency limits ({@code reelgate.engine.<name>.max-concurrent}, else the engine's own
 * {@link AsyncVideoEngine#maxInFlight()}): an engine at its limit is left out of
 * claiming, so its queued tasks wait in {@code queueing} instead of hammering the upstream. In flight means
 * {@code generating} cluster-wide, counted in the database, which includes tasks parked upstream. The count and the
 * claim are not one transaction: nodes claiming at the same instant may overshoot by up to one task per node.
 */
@Component
class EngineLimits {

    private final Map<String, Integer> limits = new HashMap<>();
    private final TaskRepository tasks;

    EngineLimits(EngineRegistry engines, TaskRepository tasks, Environment environment) {
        this.tasks = tasks;
        for (String name : engines.names()) {
            Integer limit = environment.getProperty("reelgate.engine." + name + ".max-concurrent", Integer.class);
            if (limit == null) {
                // an engine with a fixed number of upstream slots (GPU servers) brings its own limit
                limit = engines.findAsync(name).map(AsyncVideoEngine::maxInFlight).orElse(0);
            }
            if (limit > 0) {
                limits.put(name, limit);
            }
        }
    }

    boolean any() {
        return !limits.isEmpty();
    }

    /** The engines among {@code engines} with a free slot; no query when no limit is configured. */
    Set<String> withCapacity(Set<String> engines) {
        if (limits.isEmpty()) {
            return engines;
        }
        Map<String, Integer> inFlight = tasks.generatingPerEngine();
        Set<String> open = new LinkedHashSet<>();
        for (String engine : engines) {
            Integer limit = limits.get(engine);
            if (limit == null || inFlight.getOrDefault(engine, 0) < limit) {
                open.add(engine);
            }
        }
        return open;
    }
}
