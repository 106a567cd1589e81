package io.reelgate.server.engine.comfyui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns ComfyUI's validation answer (docs/upstreams.md, "ComfyUI: prompts": {@code error} plus {@code node_errors} per
 * node) into one line naming each failing node, its class and the message, e.g.
 * {@code node 37 (UNETLoader): Value not in list: unet_name: …}.
 */
final class PromptErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromptErrors() {
    }

    static String describe(ComfyServer server, int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            return "ComfyUI server " + server.name() + " refused the workflow (HTTP " + status + ")";
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : answer.path("node_errors").properties()) {
            for (JsonNode error : node.getValue().path("errors")) {
                problems.add("node " + node.getKey() + " (" + node.getValue().path("class_type").asString("?") + "): "
                        + message(error));
            }
        }
        if (problems.isEmpty()) {
            problems.add(message(answer.path("error")));
        }
        return "ComfyUI refused the workflow: " + String.join("; ", problems);
    }

    private static String message(JsonNode error) {
        String message = error.path("message").asString("");
        String details = error.path("details").asString("");
        if (message.isEmpty()) {
            return details.isEmpty() ? "no reason given" : details;
        }
        return details.isEmpty() ? message : message + ": " + details;
    }
}
