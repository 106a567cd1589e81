package io.reelgate.server.task;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which engine runs which task ({@code reelgate.routing.*}); empty means {@code reelgate.engine.default}.
 *
 * @param generate engine for generate tasks, e.g. {@code runway}
 * @param extend   engine for extensions
 * @param aleph    engine for Aleph tasks
 * @param models   engines per model id, in order (the first serves, the rest are the failover list): a registry
 *                 model's id ({@code reelgate.routing.models[kling-2.6/text-to-video]=fal,replicate}) or a legacy
 *                 {@code model} value of a KIE Runway generate request; wins over the registry's routes and
 *                 over {@code generate}
 * @param failover per kind ({@code generate}, {@code extend}, {@code aleph}), engines in order: when one fails a
 *                 task with a transient upstream error, the task is queued again for the next one
 */
@ConfigurationProperties("reelgate.routing")
public record RoutingProperties(
        @DefaultValue("") String generate,
        @DefaultValue("") String extend,
        @DefaultValue("") String aleph,
        @DefaultValue Map<String, List<String>> models,
        @DefaultValue Map<String, List<String>> failover) {
}
