package io.reelgate.server.catalog;

import java.util.Map;

/**
 * One engine a model can run on, tried in the entry's order. {@code upstreamModel} and {@code template} are the
 * common keys; any other key of the route object lands in {@code options} untouched, so an engine added later
 * (fal, replicate, veo) can carry its own mapping without a change here.
 */
public record ModelRoute(String engine, String upstreamModel, String template, Map<String, Object> options) {

    public ModelRoute {
        options = Map.copyOf(options);
    }
}
