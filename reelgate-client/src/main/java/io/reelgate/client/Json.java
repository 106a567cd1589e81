package io.reelgate.client;

import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The SDK's one JSON mapper, tolerant the way a client of a live, evolving service has to be. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            // the server may add fields at any time
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // KIE sends failCode "" when a task did not fail and 400 when it did: "" must read as null
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        return node == null || node.isNull() || node.isMissingNode() ? null : MAPPER.treeToValue(node, type);
    }

    static <T> List<T> list(JsonNode node, Class<T> type) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return List.copyOf(MAPPER.readerForListOf(type).readValue(node));
    }
}
