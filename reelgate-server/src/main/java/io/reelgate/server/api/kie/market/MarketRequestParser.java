package io.reelgate.server.api.kie.market;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.kie.CallBackUrls;
import io.reelgate.server.catalog.InvalidModelInputException;
import io.reelgate.server.catalog.ModelInput;
import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.catalog.ModelTasks;
import io.reelgate.server.catalog.VideoModel;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.ModelTask;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rules of {@code POST /api/v1/jobs/createTask} (docs/compatibility.md, "KIE Market jobs"): {@code model} names a
 * registry entry that serves this dialect, {@code input} holds that model's fields and is validated by the entry,
 * {@code callBackUrl} is optional. The whole body, as received, is kept for recordInfo's {@code param}.
 */
@Component
class MarketRequestParser {

    static final String UNSUPPORTED_MODEL = "The model is not supported";

    private final ModelRegistry registry;
    private final ObjectMapper json;

    MarketRequestParser(ModelRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    ModelTask parse(JsonNode body) {
        JsonNode modelNode = body.path("model");
        if (modelNode.isMissingNode() || modelNode.isNull() || modelNode.asString("").isBlank()) {
            throw new InvalidRequestException("model", "model is required");
        }
        if (!modelNode.isString()) {
            throw new InvalidRequestException("model", "model must be a string");
        }
        VideoModel model = registry.find(modelNode.asString())
                .filter(entry -> entry.servesDialect(KieMarketDialect.NAME))
                .orElseThrow(() -> new ApiException(422, UNSUPPORTED_MODEL));
        String callBackUrl = CallBackUrls.read(body.path("callBackUrl"));
        JsonNode inputNode = body.path("input");
        if (inputNode.isMissingNode() || inputNode.isNull()) {
            throw new InvalidRequestException("input", "input is required");
        }
        if (!inputNode.isObject()) {
            throw new InvalidRequestException("input", "input must be an object of the model's fields");
        }
        ModelInput input;
        try {
            input = model.validate(json.treeToValue(inputNode, Map.class));
        } catch (InvalidModelInputException e) {
            InvalidModelInputException named = e.under("input");
            throw new InvalidRequestException(named.field(), named.getMessage());
        }
        return ModelTasks.of(input, KieMarketDialect.NAME, callBackUrl, json.writeValueAsString(body), null);
    }
}
