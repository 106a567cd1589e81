package io.reelgate.server.dispatch;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.task.EngineAvailability;
import io.reelgate.server.task.EngineRouting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The engines this node can run, by name. */
@Component
class EngineRegistry implements EngineAvailability {

    private final Map<String, VideoEngine> engines;

    EngineRegistry(List<VideoEngine> engines, @Value("${reelgate.engine.default:preview}") String defaultEngine,
                   EngineRouting routing) {
        this.engines = engines.stream().collect(Collectors.toUnmodifiableMap(VideoEngine::name, Function.identity()));
        // a task routed to an engine no node runs would wait forever: refuse to start instead
        if (!this.engines.containsKey(defaultEngine)) {
            throw new IllegalStateException("reelgate.engine.default=" + defaultEngine + " is not an available engine; "
                    + "available: " + this.engines.keySet());
        }
        for (String routed : routing.routedEngines()) {
            if (!this.engines.containsKey(routed)) {
                throw new IllegalStateException("reelgate.routing names engine '" + routed + "', which is not available "
                        + "(the runway engine needs reelgate.engine.runway.api-secret); available: " + this.engines.keySet());
            }
        }
    }

    /** The engines this node runs: it only claims tasks routed to one of them. */
    Set<String> names() {
        return engines.keySet();
    }

    @Override
    public boolean runs(String engine) {
        return engines.containsKey(engine);
    }

    Optional<VideoEngine> find(String name) {
        return Optional.ofNullable(engines.get(name));
    }

    Optional<AsyncVideoEngine> findAsync(String name) {
        return find(name).filter(AsyncVideoEngine.class::isInstance).map(AsyncVideoEngine.class::cast);
    }

    /** The asynchronous engines this node runs: its pollers only poll their tasks. */
    List<String> asyncNames() {
        return engines.values().stream().filter(AsyncVideoEngine.class::isInstance).map(VideoEngine::name).sorted().toList();
    }
}
