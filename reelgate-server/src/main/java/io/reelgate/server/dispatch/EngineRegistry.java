package io.reelgate.server.dispatch;

import io.reelgate.server.engine.VideoEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The engines this node can run, by name. */
@Component
class EngineRegistry {

    private final Map<String, VideoEngine> engines;

    EngineRegistry(List<VideoEngine> engines) {
        this.engines = engines.stream().collect(Collectors.toUnmodifiableMap(VideoEngine::name, Function.identity()));
    }

    Optional<VideoEngine> find(String name) {
        return Optional.ofNullable(engines.get(name));
    }
}
