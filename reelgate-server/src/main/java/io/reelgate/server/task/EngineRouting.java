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
        Optional<List<String>> forModel = configuredFor(model);
        if (forModel.isPresent()) {
            return forModel.get().get(0);
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

    /** The engines the operator routes a model to ({@code reelgate.routing.models}), in order, if any. */
    public Optional<List<String>> configuredFor(String model) {
        List<String> engines = model == null ? null : routing.models().get(model);
        if (engines == null) {
            return Optional.empty();
        }
        List<String> trimmed = engines.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    /**
     * The engine after the task's in its failover list: the engines chosen when it was submitted (a registry
     * model's serving routes), else the kind's {@code reelgate.routing.failover} list.
     */
    public Optional<String> failoverAfter(Task task) {
        List<String> list = task.routeEngines().isEmpty() ? failoverList(task.kind()) : task.routeEngines();
        String engine = task.engine();
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
        routing.models().values().forEach(engines::addAll);
        return engines;
    }

    private List<String> failoverList(TaskKind kind) {
        List<String> list = routing.failover().get(kind.name().toLowerCase(Locale.ROOT));
        return list == null ? List.of() : list.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
