package io.reelgate.server.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks HTTP to a running Reelgate as a KIE client would: bearer key, JSON bodies, envelope answers. */
public final class KieHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TERMINAL = List.of("success", "fail");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    public KieHttp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public int code() {
            return body.get("code").asInt();
        }

        public String msg() {
            return body.get("msg").asString();
        }

        public JsonNode data() {
            return body.get("data");
        }
    }

    public Answer postJson(String path, String json) {
        return post(path, json, "application/json");
    }

    public Answer post(String path, String body, String contentType) {
        HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Answer get(String path) {
        return send(authorized(path).GET().build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
    }

    /** Submits a generate body and returns the new taskId, failing the test on any other answer. */
    public String generate(String json) {
        Answer answer = postJson("/api/v1/runway/generate", json);
        if (answer.code() != 200) {
            throw new AssertionError("generate refused: " + answer.body());
        }
        return answer.data().get("taskId").asString();
    }

    /** The record-detail {@code data}, failing the test on any answer but code 200. */
    public JsonNode detail(String taskId) {
        return detail(get("/api/v1/runway/record-detail?taskId=" + taskId), taskId);
    }

    private static JsonNode detail(Answer answer, String taskId) {
        if (answer.code() != 200) {
            throw new AssertionError("record-detail of " + taskId + " answered " + answer.body());
        }
        return answer.data();
    }

    /**
     * Polls record-detail until the task is terminal. A 429 only means "not yet": the budget refills continuously, so
     * the next poll gets through once a request is free again.
     */
    public JsonNode awaitTerminal(String taskId, Duration timeout) {
        Answer answer = Await.until(timeout, () -> "task " + taskId + " not terminal after " + timeout + ": " + detail(taskId),
                () -> get("/api/v1/runway/record-detail?taskId=" + taskId),
                a -> a.code() != 429 && TERMINAL.contains(detail(a, taskId).get("state").asString()));
        return answer.data();
    }

    /** Downloads a URL (no auth: result URLs are capabilities) into a file. */
    public HttpResponse<Path> download(String url, Path target) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of the test server on 127.0.0.1:{@code port} with the development key it wrote to {@code dataDir}. */
    public static KieHttp onLoopback(int port, Path dataDir) {
        return new KieHttp("http://127.0.0.1:" + port, devKey(dataDir));
    }

    /** The development key a server writes to its data directory on its first start. */
    public static String devKey(Path dataDir) {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("dev-api-key.txt")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How failure tests end: the task (its record-detail or view) failed with this code and this message. */
    public static void assertFailed(JsonNode detail, int failCode, String failMsg) {
        org.assertj.core.api.Assertions.assertThat(detail.get("state").asString()).isEqualTo("fail");
        org.assertj.core.api.Assertions.assertThat(detail.get("failCode").asInt()).isEqualTo(failCode);
        org.assertj.core.api.Assertions.assertThat(detail.get("failMsg").asString()).isEqualTo(failMsg);
    }
}
