package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.UpstreamStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A prediction object (a poll answer or a webhook body, docs/engines.md "Replicate") read as an
 * {@link UpstreamStatus}: starting waits, processing runs (progress from the last {@code NN%|} of the logs, as
 * tqdm prints it), succeeded carries the output URL(s), failed/canceled/aborted fail with a message of ours.
 */
final class ReplicatePredictions {

    private static final Logger log = LoggerFactory.getLogger(ReplicatePredictions.class);
    private static final Pattern PROGRESS = Pattern.compile("(\\d{1,3})%\\|");
    /** Words of Replicate's and the models' moderation errors; the text itself is never shown. */
    private static final List<String> MODERATION = List.of("nsfw", "safety", "flagged", "sensitive", "content policy",
            "moderation");

    private ReplicatePredictions() {
    }

    static UpstreamStatus statusOf(JsonNode prediction) {
        String status = prediction.path("status").asString("");
        UpstreamStatus read = switch (status) {
            case "succeeded" -> succeeded(prediction);
            case "processing" -> UpstreamStatus.running(status, progress(prediction.path("logs").asString("")));
            case "failed" -> failed(prediction);
            case "canceled" -> UpstreamStatus.failed(status, EngineException.INTERNAL,
                    "Generation was cancelled upstream, please try again later");
            case "aborted" -> UpstreamStatus.failed(status, EngineException.INTERNAL,
                    "The upstream deadline passed before generation started, please try again later");
            default -> UpstreamStatus.queued(status);
        };
        return read.withUsage(usage(prediction.path("metrics")));
    }

    private static UpstreamStatus succeeded(JsonNode prediction) {
        List<String> outputs = new ArrayList<>();
        JsonNode output = prediction.path("output");
        if (output.isString()) {
            outputs.add(output.asString());
        } else if (output.isArray()) {
            output.forEach(url -> {
                if (url.isString()) {
                    outputs.add(url.asString());
                }
            });
        }
        if (outputs.isEmpty()) {
            // data_removed: the output was deleted an hour after the run, before we collected it
            return UpstreamStatus.failed("succeeded", EngineException.INTERNAL, "Replicate finished without a video");
        }
        return UpstreamStatus.succeeded("succeeded", outputs);
    }

    private static UpstreamStatus failed(JsonNode prediction) {
        String error = prediction.path("error").asString("");
        log.info("Replicate prediction {} failed: {}", prediction.path("id").asString(""), error);
        String lower = error.toLowerCase(Locale.ROOT);
        if (MODERATION.stream().anyMatch(lower::contains)) {
            return UpstreamStatus.failed("failed", EngineException.INPUT_REJECTED,
                    "The input or the generated video was rejected by content moderation");
        }
        return UpstreamStatus.failed("failed", EngineException.INTERNAL,
                "Generation failed upstream, please try again later");
    }

    static int progress(String logs) {
        Matcher matcher = PROGRESS.matcher(logs);
        int last = 0;
        while (matcher.find()) {
            last = Integer.parseInt(matcher.group(1));
        }
        return Math.max(0, Math.min(99, last));
    }

    /** {@code metrics.predict_time} and {@code total_time}, in seconds. */
    private static Map<String, Object> usage(JsonNode metrics) {
        Map<String, Object> usage = new LinkedHashMap<>();
        if (metrics.path("predict_time").isNumber()) {
            usage.put("predictSeconds", metrics.get("predict_time").asDouble());
        }
        if (metrics.path("total_time").isNumber()) {
            usage.put("totalSeconds", metrics.get("total_time").asDouble());
        }
        return usage;
    }
}
