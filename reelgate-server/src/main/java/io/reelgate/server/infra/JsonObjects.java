package io.reelgate.server.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A JSON object stored in one text column (a model input, a provider's usage report), keys in order. */
public final class JsonObjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonObjects() {
    }

    public static String write(Map<String, Object> values) {
        return JSON.writeValueAsString(values);
    }

    /** Any JSON value as text: a provider field that takes a JSON document as a string (Replicate's multi_prompt). */
    public static String writeValue(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The object's keys and values; empty for a {@code null} or blank column. */
    public static Map<String, Object> read(String json) {
        return json == null || json.isBlank() ? Map.of()
                : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
