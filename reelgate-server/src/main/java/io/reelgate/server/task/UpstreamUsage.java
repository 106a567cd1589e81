package io.reelgate.server.task;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a provider reported about a run's cost ({@code task.upstream_usage}), a flat JSON object such as
 * {@code {"predictSeconds": 82.0}}; written by the pollers, read by the task view and the operator console.
 */
public final class UpstreamUsage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UpstreamUsage() {
    }

    /** {@code null} for nothing reported, so the stored value stays. */
    public static String write(Map<String, Object> usage) {
        return usage == null || usage.isEmpty() ? null : JSON.writeValueAsString(usage);
    }

    public static Map<String, Object> read(String json) {
        return json == null || json.isBlank() ? Map.of()
                : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
