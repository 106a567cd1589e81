package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/jobs/createTask}, KIE's Market API: one {@code model} id from the model registry and
 * that model's {@code input} fields, exactly as the model documents them (snake_case; durations as the model types
 * them). Build with {@link #of(String, Map)}.
 *
 * @param model       the registry model id, e.g. {@code kling-2.6/text-to-video}
 * @param callBackUrl where the terminal callback goes; {@code null} for none
 * @param input       the model's fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarketTaskRequest(String model, String callBackUrl, Map<String, Object> input) {

    public MarketTaskRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        input = input == null ? Map.of() : new LinkedHashMap<>(input);
    }

    public static MarketTaskRequest of(String model, Map<String, Object> input) {
        return new MarketTaskRequest(model, null, input);
    }

    public MarketTaskRequest withCallBackUrl(String url) {
        return new MarketTaskRequest(model, url, input);
    }
}
