package io.reelgate.client;

import io.reelgate.client.model.AlephCallback;
import io.reelgate.client.model.MarketCallback;
import io.reelgate.client.model.MarketRecord;
import io.reelgate.client.model.RunwayCallback;
import io.reelgate.client.model.TaskCallback;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a callback body into a typed record. Verify it first with {@link CallbackVerifier}. Runway generate and
 * extend callbacks carry snake_case {@code data.task_id}; Aleph callbacks a top-level camelCase {@code taskId} and
 * {@code data} that is null on failure.
 */
public final class CallbackParser {

    private CallbackParser() {
    }

    /**
     * @throws IllegalArgumentException when the body is not JSON or carries no task id
     */
    public static TaskCallback parse(String body) {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("callback body is not JSON", e);
        }
        int code = root.path("code").asInt(0);
        String msg = text(root.path("msg"));
        JsonNode data = root.path("data");
        String topLevelId = text(root.path("taskId"));
        String runwayId = text(data.path("task_id"));
        // the Aleph page's shape wins when both ids are present (a compatible server may send both)
        if (topLevelId != null) {
            return new AlephCallback(code, msg, topLevelId, text(data.path("result_video_url")),
                    text(data.path("result_image_url")));
        }
        if (text(data.path("taskId")) != null && data.has("state")) {
            return new MarketCallback(code, msg, Json.convert(data, MarketRecord.class));
        }
        if (runwayId != null) {
            return new RunwayCallback(code, msg, runwayId, text(data.path("video_id")), text(data.path("video_url")),
                    text(data.path("image_url")));
        }
        throw new IllegalArgumentException("callback body carries no task id");
    }

    /** Like {@link #parse(String)}, but insists on the Runway shape. */
    public static RunwayCallback parseRunway(String body) {
        if (parse(body) instanceof RunwayCallback runway) {
            return runway;
        }
        throw new IllegalArgumentException("not a Runway callback (it has a top-level taskId)");
    }

    /** Like {@link #parse(String)}, but insists on the Aleph shape. */
    public static AlephCallback parseAleph(String body) {
        if (parse(body) instanceof AlephCallback aleph) {
            return aleph;
        }
        throw new IllegalArgumentException("not an Aleph callback (no top-level taskId)");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
