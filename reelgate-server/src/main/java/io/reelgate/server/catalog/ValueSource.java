package io.reelgate.server.catalog;

import java.util.Map;

/**
 * Where a render value comes from: an input {@code field}, optionally passed through {@code map} (keys are the
 * field's values as text, e.g. Kling 3.0's {@code mode} std/pro/4K to 720/1080/2160), else the {@code fixed} value.
 */
record ValueSource(String field, Map<String, Object> map, Object fixed) {

    static final ValueSource NONE = new ValueSource(null, Map.of(), null);

    Object resolve(Map<String, Object> values) {
        Object value = field == null ? null : values.get(field);
        if (value == null) {
            return fixed;
        }
        return map.getOrDefault(String.valueOf(value), value);
    }
}
