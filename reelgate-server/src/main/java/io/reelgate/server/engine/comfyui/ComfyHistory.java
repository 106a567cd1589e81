package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.UpstreamStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a finished prompt's history entry (docs/upstreams.md, "ComfyUI: queue and history"): success → the output files
 * as {@code /view} queries, best video first; {@code execution_error} → failed with the node and ComfyUI's message;
 * {@code execution_interrupted} (someone interrupted it on the server) → failed.
 */
final class ComfyHistory {

    /**
     * Output file types by preference: real video containers before animations (docs/upstreams.md,
     * "ComfyUI: video outputs").
     */
    private static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".webm", ".mov", ".mkv", ".webp", ".gif", ".png");

    private ComfyHistory() {
    }

    static UpstreamStatus status(JsonNode entry) {
        JsonNode status = entry.path("status");
        String word = status.path("status_str").asString("");
        if ("error".equals(word) || (status.isObject() && !status.path("completed").asBoolean(true))) {
            return failure(status.path("messages"));
        }
        List<String> outputs = outputs(entry.path("outputs"));
        if (outputs.isEmpty()) {
            return UpstreamStatus.failed("FAILED", EngineException.INTERNAL,
                    "ComfyUI finished without a video: the workflow has no video output node (e.g. SaveVideo)");
        }
        return UpstreamStatus.succeeded("SUCCEEDED", outputs);
    }

    private static UpstreamStatus failure(JsonNode messages) {
        for (JsonNode message : messages) {
            String type = message.path(0).asString("");
            JsonNode data = message.path(1);
            if ("execution_error".equals(type)) {
                return UpstreamStatus.failed("FAILED", EngineException.INTERNAL, "ComfyUI failed at node "
                        + data.path("node_id").asString("?") + " (" + data.path("node_type").asString("?") + "): "
                        + data.path("exception_type").asString("error") + ": "
                        + data.path("exception_message").asString("").trim());
            }
            if ("execution_interrupted".equals(type)) {
                // CANCELLED: nothing left to stop, so a failing task does not interrupt the server again
                return UpstreamStatus.failed("CANCELLED", EngineException.INTERNAL, "ComfyUI interrupted the run at "
                        + "node " + data.path("node_id").asString("?") + " (" + data.path("node_type").asString("?") + ")");
            }
        }
        return UpstreamStatus.failed("FAILED", EngineException.INTERNAL, "ComfyUI failed the prompt without a message");
    }

    /** Every file entry of every output node, as a {@code /view} query string, best video extension first. */
    static List<String> outputs(JsonNode outputs) {
        List<JsonNode> files = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : outputs.properties()) {
            for (JsonNode value : node.getValue()) {
                for (JsonNode item : value) {
                    if (item.path("filename").isString() && rank(item.path("filename").asString()) >= 0) {
                        files.add(item);
                    }
                }
            }
        }
        return files.stream()
                .sorted(Comparator.comparingInt(file -> rank(file.path("filename").asString())))
                .map(file -> "filename=" + ComfyClient.encode(file.path("filename").asString())
                        + "&subfolder=" + ComfyClient.encode(file.path("subfolder").asString(""))
                        + "&type=" + ComfyClient.encode(file.path("type").asString("output")))
                .toList();
    }

    private static int rank(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        for (int i = 0; i < VIDEO_EXTENSIONS.size(); i++) {
            if (lower.endsWith(VIDEO_EXTENSIONS.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
