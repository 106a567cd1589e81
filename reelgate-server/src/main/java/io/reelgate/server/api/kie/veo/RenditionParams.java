package io.reelgate.server.api.kie.veo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code paramJson} of a rendition task: the request that started it plus its size. A client's generate or
 * extend body always has a {@code prompt}; a rendition's never does, which is how a finished task tells which it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RenditionParams(String taskId, int index, String resolution, String callBackUrl) {

    static Optional<RenditionParams> of(String paramsJson, ObjectMapper json) {
        if (paramsJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(paramsJson);
            RenditionSize size = RenditionSize.ofLabel(node.path("resolution").asString(""));
            if (node.has("prompt") || size == null || !node.path("taskId").isString()) {
                return Optional.empty();
            }
            return Optional.of(new RenditionParams(node.get("taskId").asString(), node.path("index").asInt(0),
                    size.label, node.path("callBackUrl").isString() ? node.get("callBackUrl").asString() : null));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    boolean fourK() {
        return RenditionSize.FOUR_K.label.equals(resolution);
    }
}
