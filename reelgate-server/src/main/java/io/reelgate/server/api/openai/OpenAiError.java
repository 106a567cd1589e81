package io.reelgate.server.api.openai;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error envelope {@code {"error":{"message","type","param","code"}}} (docs/compatibility.md, "OpenAI
 * /v1/videos"), with every key present ({@code null} where empty), as the SDKs read it.
 */
record OpenAiError(int status, String type, String code, String param, String message) {

    static final String INVALID_REQUEST = "invalid_request_error";

    static OpenAiError invalid(String param, String code, String message) {
        return new OpenAiError(400, INVALID_REQUEST, code, param, message);
    }

    static OpenAiError notFound(String message) {
        return new OpenAiError(404, INVALID_REQUEST, "not_found", null, message);
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }
}
