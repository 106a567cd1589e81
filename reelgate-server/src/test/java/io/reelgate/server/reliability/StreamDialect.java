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
    },
    OPENAI("/v1/videos") {
        @Override
        String body(int i, String callbackUrl) {
            return "{\"prompt\":\"reliability " + i + "\",\"model\":\"sora-2\",\"seconds\":\"4\",\"size\":\"720x1280\"}";
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

    /**
     * The task a callback is about: Runway's {@code data.task_id}, the Market's and Veo's {@code data.taskId}, the
     * OpenAI event's {@code data.id} ({@code video_} and the task id's hex digits).
     */
    static String taskIdOf(JsonNode callback) {
        JsonNode data = callback.path("data");
        if (data.has("task_id")) {
            return data.get("task_id").asString();
        }
        return data.has("taskId") ? data.get("taskId").asString() : taskIdOfVideo(data.get("id").asString());
    }

    /** The task id of an answer to a submit: the envelope's {@code data.taskId}, or an OpenAI video's {@code id}. */
    static String taskIdOfAnswer(JsonNode answer) {
        return answer.has("object") ? taskIdOfVideo(answer.get("id").asString())
                : answer.get("data").get("taskId").asString();
    }

    private static String taskIdOfVideo(String videoId) {
        String hex = videoId.substring("video_".length());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
