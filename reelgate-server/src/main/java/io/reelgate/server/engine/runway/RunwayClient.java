package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three calls the engine makes to Runway's API (docs/upstreams.md, "Runway: connection" to
 * "Runway: errors and retries"): create a task, read it, cancel it. Every request carries
 * {@code Authorization: Bearer}, {@code X-Runway-Version} and JSON. Retry rules live here.
 */
class RunwayClient {

    private static final Logger log = LoggerFactory.getLogger(RunwayClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Waits between retries; tests and the engine use real sleeping, the seam keeps the loop readable. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RunwayProperties properties;
    private final String authorization;
    private final HttpClient http;
    private final Sleeper sleeper;

    RunwayClient(RunwayProperties properties, String secret, Sleeper sleeper) {
        this.properties = properties;
        this.authorization = "Bearer " + secret;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // nothing reached Runway: safe to send again
                if (attempt < maxRetries) {
                    pause(request, attempt, null, "connection failed");
                    continue;
                }
                throw new RunwayApiException(0, "Runway could not be reached (" + e.getClass().getSimpleName() + ")", true);
            } catch (IOException e) {
                throw new RunwayApiException(0, "Runway did not answer (" + e.getClass().getSimpleName() + ")", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunwayApiException(0, "Interrupted while calling Runway", true);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            // 429: daily quota or a burst; 5xx: Runway shedding load (docs/upstreams.md, "Runway: errors and retries").
            // Everything else is final.
            boolean retryable = status == 429 || status >= 500;
            if (retryable && attempt < maxRetries) {
                pause(request, attempt, response, "HTTP " + status);
                continue;
            }
            throw new RunwayApiException(status, "HTTP " + status + errorText(response.body()), retryable);
        }
    }

    private void pause(HttpRequest request, int attempt, HttpResponse<String> response, String why) {
        Duration delay = backoff(attempt, response);
        log.info("Runway {} {} answered {}; retrying in {} ms", request.method(), request.uri().getPath(), why,
                delay.toMillis());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunwayApiException(0, "Interrupted while waiting to retry Runway", true);
        }
    }

    /** Retry-After when the answer has one, else exponential with up to 25 % taken off, as Runway's SDKs do. */
    private Duration backoff(int attempt, HttpResponse<String> response) {
        return RetryAfter.orBackoff(response, attempt, properties.retryBackoff(), properties.maxRetryBackoff(), 0.25);
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
