package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.UpstreamStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A google.longrunning operation read → our status (docs/engines.md, "Google Veo: failures"). Google's messages go
 * to the log; the task gets ours.
 */
final class VeoOperations {

    private static final Logger log = LoggerFactory.getLogger(VeoOperations.class);
    /** gRPC codes that blame the request: INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE. */
    private static final Set<Integer> INPUT_CODES = Set.of(3, 9, 11);

    private VeoOperations() {
    }

    static UpstreamStatus statusOf(JsonNode operation, VeoOperationId id) {
        if (!operation.path("done").asBoolean(false)) {
            // a running operation carries only its name (sometimes metadata): no progress to report
            return UpstreamStatus.running("RUNNING", 0);
        }
        JsonNode error = operation.get("error");
        if (error != null && !error.isNull()) {
            return failed(id, error);
        }
        JsonNode response = operation.path("response").path("generateVideoResponse");
        String uri = videoUri(operation);
        if (uri != null) {
            return UpstreamStatus.succeeded("DONE", List.of(uri))
                    .withUsage(Map.of("videoSeconds", id.videoSeconds(), "model", id.model()));
        }
        if (response.path("raiMediaFilteredCount").asInt(0) > 0) {
            log.info("Veo operation {} filtered by Google's safety filters: {}", id.name(),
                    response.path("raiMediaFilteredReasons"));
            return UpstreamStatus.failed("RAI_FILTERED", EngineException.INPUT_REJECTED,
                    "The video was blocked by Google's safety filters; try a different prompt or image");
        }
        log.warn("Veo operation {} finished without a video: {}", id.name(), response);
        return UpstreamStatus.failed("DONE", EngineException.INTERNAL, "Veo finished without a video");
    }

    /** The first generated video's file uri of a finished operation, or {@code null}. */
    static String videoUri(JsonNode operation) {
        if (!operation.path("done").asBoolean(false)) {
            return null;
        }
        for (JsonNode sample : operation.path("response").path("generateVideoResponse").path("generatedSamples")) {
            String uri = sample.path("video").path("uri").asString("");
            if (!uri.isBlank()) {
                return uri;
            }
        }
        return null;
    }

    private static UpstreamStatus failed(VeoOperationId id, JsonNode error) {
        int code = error.path("code").asInt(0);
        log.info("Veo operation {} failed: code {} {}", id.name(), code, error.path("message").asString(""));
        if (INPUT_CODES.contains(code)) {
            return UpstreamStatus.failed("ERROR_" + code, EngineException.INPUT_REJECTED,
                    "Veo could not use the request (code " + code + ")");
        }
        return UpstreamStatus.failed("ERROR_" + code, EngineException.INTERNAL,
                "Generation failed upstream, please try again later (code " + code + ")");
    }
}
