package io.reelgate.server.dispatch;

import io.reelgate.server.engine.VideoEngine;
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
class EngineRegistry {

    private final Map<String, VideoEngine> engines;

    EngineRegistry(List<VideoEngine> engines, @Value("${reelgate.engine.default:preview}") String defaultEngine) {
        this.engines = engines.stream().collect(Collectors.toUnmodifiableMap(VideoEngine::name, Function.identity()));
        // a task routed to an engine no node runs would wait forever: refuse to start instead
        if (!this.engines.containsKey(defaultEngine)) {
            throw new IllegalStateException("reelgate.engine.default=" + defaultEngine + " is not an available engine; "
                    + "available: " + this.engines.keySet());
        }
    }

    /** The engines this node runs: it only claims tasks routed to one of them. */
    Set<String> names() {
        return engines.keySet();
    }

    Optional<VideoEngine> find(String name) {
        return Optional.ofNullable(engines.get(name));
    }
}
