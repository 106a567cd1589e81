package io.reelgate.server.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Chooses the engine a new task is routed to, and the next engine when one fails with a transient error. Engines are
 * names only: the task package never knows an engine implementation.
 */
@Component
public class EngineRouting {

    private final RoutingProperties routing;
    private final String defaultEngine;

    public EngineRouting(RoutingProperties routing, @Value("${reelgate.engine.default:preview}") String defaultEngine) {
        this.routing = routing;
        this.defaultEngine = defaultEngine;
    }

    /**
     * The per-model route, else the per-kind route, else the first engine of the kind's failover list, else the
     * default engine.
     */
    public String engineFor(TaskKind kind, String model) {
        if (model != null && routing.models().containsKey(model)) {
            return routing.models().get(model);
        }
        String configured = switch (kind) {
            case GENERATE -> routing.generate();
            case EXTEND -> routing.extend();
            case ALEPH -> routing.aleph();
        };
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        List<String> failover = failoverList(kind);
        return failover.isEmpty() ? defaultEngine : failover.get(0);
    }

    /** The engine the operator routes a model to ({@code reelgate.routing.models}), if any. */
    public Optional<String> configuredFor(String model) {
        return Optional.ofNullable(model == null ? null : routing.models().get(model));
    }

    /** The engine after {@code engine} in the kind's failover list, if any. */
    public Optional<String> failoverAfter(TaskKind kind, String engine) {
        List<String> list = failoverList(kind);
        int index = list.indexOf(engine);
        return index >= 0 && index + 1 < list.size() ? Optional.of(list.get(index + 1)) : Optional.empty();
    }

    /** Every engine some task may be routed to, so a node can refuse to start when one of them does not exist. */
    public Set<String> routedEngines() {
        Set<String> engines = new LinkedHashSet<>();
        engines.add(defaultEngine);
        for (TaskKind kind : TaskKind.values()) {
            engines.add(engineFor(kind, null));
            engines.addAll(failoverList(kind));
        }
        engines.addAll(routing.models().values());
        return engines;
    }

    private List<String> failoverList(TaskKind kind) {
        List<String> list = routing.failover().get(kind.name().toLowerCase(Locale.ROOT));
        return list == null ? List.of() : list.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
