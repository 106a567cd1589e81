package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.UpstreamStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * fal's answers → ours (docs/engines.md, "fal: failures"). fal has no FAILED status: a failed request is COMPLETED
 * with {@code error}/{@code error_type}, or its result answers 422 {@code {"detail":[…]}} or a request error. fal's
 * texts go to the log only; the task's failMsg is ours.
 */
final class FalStatuses {

    private static final Logger log = LoggerFactory.getLogger(FalStatuses.class);
    /** Model error types that are the user's input (400); every other failure is ours or fal's (500). */
    private static final Set<String> INPUT_ERRORS = Set.of("content_policy_violation", "image_too_large",
            "image_too_small", "file_download_error", "video_too_large", "video_duration_too_long",
            "unsupported_image_format", "face_detection_error");

    private FalStatuses() {
    }

    /** A status answer; COMPLETED without error means "read the result" and is answered as {@code null}. */
    static UpstreamStatus ofStatus(String upstreamId, JsonNode status) {
        String state = status.path("status").asString("");
        return switch (state) {
            case "IN_QUEUE" -> {
                JsonNode position = status.get("queue_position");
                yield UpstreamStatus.queued(state).withQueuePosition(position != null && position.isNumber()
                        ? position.asInt() : null);
            }
            case "IN_PROGRESS" -> UpstreamStatus.running(state, 0);
            case "COMPLETED" -> status.hasNonNull("error")
                    ? requestError(upstreamId, status.path("error_type").asString(""), status.get("error").asString())
                            .withUsage(usage(status))
                    : null;
            default -> UpstreamStatus.queued(state);
        };
    }

    /** The result answer: the video (200), the model's refusal (422) or a request error. */
    static UpstreamStatus ofResult(String upstreamId, int httpStatus, JsonNode body, Map<String, Object> usage) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return succeeded(upstreamId, body).withUsage(usage);
        }
        JsonNode detail = body.path("detail");
        if (httpStatus == 422 || detail.isArray()) {
            return modelError(upstreamId, detail).withUsage(usage);
        }
        return requestError(upstreamId, body.path("error_type").asString(""), detail.asString("HTTP " + httpStatus))
                .withUsage(usage);
    }

    /** A webhook delivery: {@code status: OK} with the output as payload, or {@code ERROR} with the error body. */
    static UpstreamStatus ofWebhook(String upstreamId, JsonNode delivery) {
        JsonNode payload = delivery.path("payload");
        if ("OK".equals(delivery.path("status").asString(""))) {
            return succeeded(upstreamId, payload);
        }
        JsonNode detail = payload.path("detail");
        if (detail.isArray()) {
            return modelError(upstreamId, detail);
        }
        return requestError(upstreamId, payload.path("error_type").asString(""),
                delivery.path("error").asString("") + " " + detail.asString(""));
    }

    /** {@code metrics.inference_time} as {@code inferenceSeconds}; empty when fal reported none. */
    static Map<String, Object> usage(JsonNode status) {
        Map<String, Object> usage = new LinkedHashMap<>();
        JsonNode inference = status.path("metrics").get("inference_time");
        if (inference != null && inference.isNumber()) {
            usage.put("inferenceSeconds", inference.asDouble());
        }
        return usage;
    }

    private static UpstreamStatus succeeded(String upstreamId, JsonNode output) {
        JsonNode url = output.path("video").get("url");
        if (url == null || !url.isString() || url.asString().isBlank()) {
            log.warn("fal request {} completed without a video: {}", upstreamId, output);
            return UpstreamStatus.failed("COMPLETED", EngineException.INTERNAL, "fal finished without a video");
        }
        return UpstreamStatus.succeeded("COMPLETED", List.of(url.asString()));
    }

    private static UpstreamStatus modelError(String upstreamId, JsonNode detail) {
        log.info("fal request {} was refused by the model: {}", upstreamId, detail);
        String type = "";
        String field = "";
        if (detail.isArray() && !detail.isEmpty()) {
            JsonNode first = detail.get(0);
            type = first.path("type").asString("");
            JsonNode loc = first.path("loc");
            field = loc.isArray() && !loc.isEmpty() ? loc.get(loc.size() - 1).asString("") : "";
        }
        if ("content_policy_violation".equals(type)) {
            return UpstreamStatus.failed("COMPLETED", EngineException.INPUT_REJECTED,
                    "The input or output was rejected by content moderation");
        }
        if (INPUT_ERRORS.contains(type)) {
            return UpstreamStatus.failed("COMPLETED", EngineException.INPUT_REJECTED,
                    "An input image or video could not be used (" + type + ")");
        }
        return UpstreamStatus.failed("COMPLETED", EngineException.INPUT_REJECTED,
                "The model refused the input" + (field.isEmpty() || "body".equals(field) ? "" : " field " + field)
                        + (type.isEmpty() ? "" : " (" + type + ")"));
    }

    private static UpstreamStatus requestError(String upstreamId, String errorType, String text) {
        log.info("fal request {} failed: {} ({})", upstreamId, text, errorType.isEmpty() ? "no error_type" : errorType);
        if ("request_timeout".equals(errorType) || "startup_timeout".equals(errorType)) {
            return UpstreamStatus.failed("COMPLETED", EngineException.INTERNAL,
                    "fal did not start the generation in time, please try again later");
        }
        if ("client_cancelled".equals(errorType)) {
            return UpstreamStatus.failed("COMPLETED", EngineException.INTERNAL, "Generation was cancelled upstream");
        }
        return UpstreamStatus.failed("COMPLETED", EngineException.INTERNAL,
                "Generation failed upstream, please try again later" + (errorType.isEmpty() ? "" : " (" + errorType + ")"));
    }
}
