package io.reelgate.server.engine;

import java.util.Map;

/**
 * How one engine serves one registry model: the upstream's model id, the input the upstream is sent (a template
 * over the job, see {@link RouteInputTemplate}) and any other keys the engine reads. Written in the model registry
 * (docs/models.md, "Routes"); the engine gets it on the job and knows nothing of the registry.
 *
 * @param engine        the engine name, e.g. {@code fal}
 * @param upstreamModel the provider's model id, e.g. {@code fal-ai/kling-video/v2.1/master/text-to-video}
 * @param template      ComfyUI: the workflow template; others {@code null}
 * @param input         the route's {@code input} object, a template rendered per job; empty when the route has none
 * @param options       every other key of the route object, untouched
 */
public record UpstreamRoute(String engine, String upstreamModel, String template, Map<String, Object> input,
                            Map<String, Object> options) {

    public UpstreamRoute {
        input = input == null ? Map.of() : Map.copyOf(input);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public Object option(String key) {
        return options.get(key);
    }
}
