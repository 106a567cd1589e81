package io.reelgate.server.engine.veo;

import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A google.rpc error envelope {@code {"error": {"code", "message", "status", "details": [...]}}}; {@code message} is
 * for the log only. {@code retryDelay} comes from a {@code google.rpc.RetryInfo} detail ({@code "30s"}, {@code "1.5s"}),
 * {@code reason} from a {@code google.rpc.ErrorInfo} ({@code API_KEY_INVALID}).
 */
record GoogleError(String status, String message, Duration retryDelay, String reason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    static GoogleError parse(int httpStatus, String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            Duration delay = null;
            String reason = "";
            for (JsonNode detail : error.path("details")) {
                String type = detail.path("@type").asString("");
                if (RETRY_INFO.equals(type)) {
                    delay = seconds(detail.path("retryDelay").asString(""));
                } else if (ERROR_INFO.equals(type)) {
                    reason = detail.path("reason").asString("");
                }
            }
            return new GoogleError(error.path("status").asString(""), error.path("message").asString(""), delay, reason);
        } catch (JacksonException | IllegalArgumentException e) {
            return new GoogleError("", "unreadable error body (HTTP " + httpStatus + ")", null, "");
        }
    }

    /** Protobuf JSON durations are decimal seconds with an {@code s} suffix. */
    static Duration seconds(String text) {
        if (!text.endsWith("s")) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(text.substring(0, text.length() - 1));
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The word the engine branches on: an invalid key is a 400 INVALID_ARGUMENT, but the operator's to fix. */
    String kind() {
        return reason.startsWith("API_KEY") ? reason : status;
    }
}
