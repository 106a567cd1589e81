package io.reelgate.server.task;

import io.reelgate.server.infra.JsonObjects;
import java.util.Map;

/**
 * What a provider reported about a run's cost ({@code task.upstream_usage}), a flat JSON object such as
 * {@code {"predictSeconds": 82.0}}; written by the pollers, read by the task view and the operator console.
 */
public final class UpstreamUsage {

    private UpstreamUsage() {
    }

    /** {@code null} for nothing reported, so the stored value stays. */
    public static String write(Map<String, Object> usage) {
        return usage == null || usage.isEmpty() ? null : JsonObjects.write(usage);
    }

    public static Map<String, Object> read(String json) {
        return JsonObjects.read(json);
    }
}
