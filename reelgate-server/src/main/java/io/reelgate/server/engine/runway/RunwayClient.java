package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.UpstreamHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three calls the engine makes to Runway's API (docs/upstreams.md, "Runway: connection" to
 * "Runway: errors and retries"): create a task, read it, cancel it. Every request carries
 * {@code Authorization: Bearer}, {@code X-Runway-Version} and JSON. Retry rules live here.
 */
class RunwayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunwayProperties properties;
    private final String authorization;
    private final UpstreamHttp http;

    RunwayClient(RunwayProperties properties, String secret, UpstreamHttp.Sleeper sleeper) {
        this.properties = properties;
        this.authorization = "Bearer " + secret;
        // Retry-After when the answer has one, else exponential with up to 25 % taken off, as Runway's SDKs do
        this.http = new UpstreamHttp("Runway", RunwayClient.class, new UpstreamHttp.Backoff(properties.retryBackoff(),
                properties.maxRetryBackoff(), 0.25), sleeper);
    }

    /**
     * {@code POST /v1/<endpoint>}; answers the new task's id. Only answers that prove no task was made are retried
     * (429, 5xx, connection refused): Runway has no idempotency key, so a request that timed out after sending is
     * not sent again (it may have created a billed task) and counts as transient instead.
     */
    String create(String endpoint, Map<String, Object> body) {
        HttpRequest request = request("/v1/" + endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        JsonNode answer = readJson(send(request, properties.maxRetries()));
        JsonNode id = answer.get("id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw new RunwayApiException(200, "Runway answered without a task id", false);
        }
        return id.asString();
    }

    /** {@code GET /v1/tasks/{id}}, once: the poller repeats failed polls on its own schedule, holding no thread. */
    RunwayTask get(String id) {
        HttpRequest request = request("/v1/tasks/" + id).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request, 0);
        try {
            return JSON.readValue(response.body(), RunwayTask.class);
        } catch (JacksonException e) {
            throw new RunwayApiException(response.statusCode(), "Runway answered with unreadable JSON", true);
        }
    }

    /** {@code DELETE /v1/tasks/{id}}: cancels a running task (204); 404 means it is gone already. */
    void delete(String id) {
        HttpRequest request = request("/v1/tasks/" + id).header("Accept", "*/*").DELETE().build();
        try {
            send(request, properties.maxRetries());
        } catch (RunwayApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stripSlash(properties.baseUrl()) + path))
                .timeout(properties.requestTimeout())
                .header("Authorization", authorization)
                .header("X-Runway-Version", properties.apiVersion());
    }

    private HttpResponse<String> send(HttpRequest request, int maxRetries) {
        // every failure is transient: a create that may have reached Runway is not sent again, but may be failed over
        HttpResponse<String> response = http.send(request, maxRetries, (answer, attempt) -> retryable(answer)
                ? new UpstreamHttp.Retry(http.backoff().wait(answer, attempt), "HTTP " + answer.statusCode()) : null,
                (failure, message, sent, cause) -> new RunwayApiException(0, message, true));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw new RunwayApiException(status, "HTTP " + status + errorText(response.body()), retryable(response));
    }

    /** 429: daily quota or a burst; 5xx: Runway shedding load (docs/upstreams.md, "Runway: errors and retries"). */
    private static boolean retryable(HttpResponse<String> response) {
        return response.statusCode() == 429 || response.statusCode() >= 500;
    }

    /** {@code {"error": "...", "issues": [{"path": [...], "message": ...}]}} as one line. */
    private static String errorText(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            StringBuilder text = new StringBuilder();
            if (error.hasNonNull("error")) {
                text.append(": ").append(error.get("error").asString());
            }
            JsonNode issues = error.get("issues");
            if (issues != null && issues.isArray()) {
                for (JsonNode issue : issues) {
                    text.append("; ").append(String.join(".", issue.path("path").valueStream().map(JsonNode::asString)
                            .toList())).append(": ").append(issue.path("message").asString(""));
                }
            }
            return text.toString();
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    private static JsonNode readJson(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new RunwayApiException(response.statusCode(), "Runway answered with unreadable JSON", false);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
