package io.reelgate.server.api.kie.veo;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.kie.CallBackUrls;
import io.reelgate.server.catalog.InvalidModelInputException;
import io.reelgate.server.catalog.ModelInput;
import io.reelgate.server.catalog.ModelRegistry;
import io.reelgate.server.catalog.ModelTasks;
import io.reelgate.server.catalog.VideoModel;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.ModelTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The bodies of {@code POST /api/v1/veo/generate} and {@code /extend} (docs/compatibility.md, "KIE Veo 3.1"): every
 * field but {@code callBackUrl} (and generate's {@code model}, extend's {@code taskId}) is the registry entry's input,
 * validated there; the whole body as received is kept for record-info's {@code paramJson}.
 */
@Component
class VeoRequestParser {

    static final String DEFAULT_MODEL = "veo3_fast";
    static final String EXTEND_MODEL = "veo3_extend";
    static final String UNSUPPORTED_MODEL = "The model is not supported";
    /** What KIE answers for a missing or empty prompt (a live capture). */
    static final String NO_PROMPT = "Please enter prompt";
    private static final String REFERENCE = "REFERENCE_2_VIDEO";

    private final ModelRegistry registry;
    private final ObjectMapper json;

    VeoRequestParser(ModelRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    ModelTask generate(JsonNode body) {
        Map<String, Object> fields = fieldsOf(body);
        Object modelId = fields.containsKey("model") ? fields.remove("model") : DEFAULT_MODEL;
        if (!(modelId instanceof String id)) {
            throw new InvalidRequestException("model", "model must be a string");
        }
        VideoModel model = registry.find(id).filter(entry -> entry.servesDialect(KieVeoDialect.NAME))
                .filter(entry -> !entry.id().equals(EXTEND_MODEL))
                .orElseThrow(() -> new ApiException(422, UNSUPPORTED_MODEL));
        if (fields.get("imageUrls") instanceof List<?> images && images.size() > 2
                && !REFERENCE.equals(fields.get("generationType"))) {
            throw new InvalidRequestException("imageUrls",
                    "imageUrls: at most 2 images (first and last frame) unless generationType is " + REFERENCE);
        }
        return task(model, fields, body);
    }

    /** An extension of {@code parentTaskId}; the core checks it is a successful task of the same key and dialect. */
    ModelTask extend(JsonNode body, String parentTaskId) {
        Map<String, Object> fields = fieldsOf(body);
        fields.remove("taskId");
        VideoModel model = registry.find(EXTEND_MODEL).orElseThrow();
        ModelTask task = task(model, fields, body);
        return task.continuing(parentTaskId, task.input());
    }

    private ModelTask task(VideoModel model, Map<String, Object> fields, JsonNode body) {
        if (!(fields.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            throw new InvalidRequestException("prompt", NO_PROMPT);
        }
        String callBackUrl = CallBackUrls.read(body.path("callBackUrl"));
        fields.remove("callBackUrl");
        ModelInput input;
        try {
            input = model.validate(fields);
        } catch (InvalidModelInputException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        return ModelTasks.of(input, KieVeoDialect.NAME, callBackUrl, json.writeValueAsString(body), null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fieldsOf(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object");
        }
        return new LinkedHashMap<>(json.treeToValue(body, Map.class));
    }
}
