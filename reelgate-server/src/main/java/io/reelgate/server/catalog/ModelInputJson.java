package io.reelgate.server.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A validated model input as stored with its task ({@code task.model_input}): plain JSON, so a hosted engine maps it
 * to its provider's request on any node, after any restart, without the dialect that accepted it.
 */
public final class ModelInputJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelInputJson() {
    }

    public static String write(Map<String, Object> values) {
        return JSON.writeValueAsString(values);
    }

    public static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
