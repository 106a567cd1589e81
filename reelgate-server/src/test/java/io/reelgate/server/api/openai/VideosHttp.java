package io.reelgate.server.api.openai;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.MultipartBody;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-style client of {@code /v1/videos} over plain HTTP, for the end-to-end tests: the bearer-key HTTP of
 * {@link KieHttp}, read as OpenAI answers (the status and the body, no envelope).
 */
final class VideosHttp {

    private final KieHttp http;

    VideosHttp(String baseUrl, String apiKey) {
        this.http = new KieHttp(baseUrl, apiKey);
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        JsonNode error() {
            return body.get("error");
        }
    }

    Answer postJson(String path, String json) {
        return send(http.authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer postMultipart(String path, MultipartBody body) {
        return send(http.authorized(path).header("Content-Type", body.contentType()).POST(body.publisher()).build());
    }

    Answer postMultipart(String path, MultipartBody body, String idempotencyKey) {
        return send(http.authorized(path).header("Content-Type", body.contentType())
                .header("Idempotency-Key", idempotencyKey).POST(body.publisher()).build());
    }

    Answer get(String path) {
        return send(http.authorized(path).GET().build());
    }

    Answer delete(String path) {
        return send(http.authorized(path).DELETE().build());
    }

    HttpResponse<byte[]> bytes(String path) {
        return http.getBytes(http.authorized(path).header("Accept", "application/binary").GET().build());
    }

    /** Creates a video from a JSON body and answers its id; fails the test on any non-200. */
    String create(String json) {
        Answer created = postJson("/v1/videos", json);
        if (created.status() != 200) {
            throw new AssertionError("create refused: " + created.status() + " " + created.body());
        }
        return created.body().get("id").asString();
    }

    JsonNode awaitStatus(String videoId, String status, Duration timeout) {
        JsonNode video = Await.until(timeout, () -> videoId + " to reach " + status,
                () -> get("/v1/videos/" + videoId).body(),
                body -> body.path("status").asString("").matches("completed|failed"));
        if (!video.get("status").asString().equals(status)) {
            throw new AssertionError(videoId + " ended " + video);
        }
        return video;
    }

    private Answer send(HttpRequest request) {
        KieHttp.Answer answer = http.send(request);
        return new Answer(answer.status(), answer.body(), answer.raw());
    }
}
