package io.reelgate.server.reliability;

import tools.jackson.databind.JsonNode;

/** The wire dialects the kill -9 stream submits through, in turn, each with its own create and callback shape. */
enum StreamDialect {

    KIE_RUNWAY("/api/v1/runway/generate") {
        @Override
        String body(int i, String callbackUrl) {
            return "{\"prompt\":\"reliability " + i + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\","
                    + "\"callBackUrl\":\"" + callbackUrl + "\"}";
        }
    },
    KIE_MARKET("/api/v1/jobs/createTask") {
        @Override
        String body(int i, String callbackUrl) {
            return "{\"model\":\"bytedance/v1-pro-text-to-video\",\"callBackUrl\":\"" + callbackUrl + "\",\"input\":"
                    + "{\"prompt\":\"reliability " + i + "\",\"resolution\":\"480p\",\"duration\":\"5\"}}";
        }
    },
    KIE_VEO("/api/v1/veo/generate") {
        @Override
        String body(int i, String callbackUrl) {
            return "{\"prompt\":\"reliability " + i + "\",\"model\":\"veo3_lite\",\"aspectRatio\":\"16:9\","
                    + "\"duration\":4,\"callBackUrl\":\"" + callbackUrl + "\"}";
        }
    };

    private final String path;

    StreamDialect(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    abstract String body(int i, String callbackUrl);

    /** The task a callback is about: Runway's {@code data.task_id}, the Market's and Veo's {@code data.taskId}. */
    static String taskIdOf(JsonNode callback) {
        JsonNode data = callback.path("data");
        return data.has("task_id") ? data.get("task_id").asString() : data.get("taskId").asString();
    }
}
