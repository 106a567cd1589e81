package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.UpstreamHttp;
import java.net.URI;
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
 * The two Gemini API calls of a generation (docs/engines.md, "Google Veo"): start a long-running operation and read
 * it. Every request carries {@code x-goog-api-key}; the key is never put in a URL, so it cannot leak into a log line.
 * Retry rules live here.
 */
class VeoClient {

    static final String KEY_HEADER = "x-goog-api-key";
    private static final Logger log = LoggerFactory.getLogger(VeoClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VeoProperties properties;
    private final String key;
    private final UpstreamHttp http;

    VeoClient(VeoProperties properties, String key, UpstreamHttp.Sleeper sleeper) {
        this.properties = properties;
        this.key = key;
        this.http = new UpstreamHttp("Veo", VeoClient.class, new UpstreamHttp.Backoff(properties.retryBackoff(),
                properties.maxRetryBackoff(), 0), sleeper);
    }

    /**
     * {@code POST {base}/{path}}; answers the operation name. The Gemini API has no idempotency key, so only answers
     * that prove nothing started (429, 500/503/504, connection refused) are retried; a create that timed out after
     * it was sent is never sent again ({@link VeoApiException} not transient: failing over could bill twice).
     */
    String create(String path, Map<String, Object> body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = send(request, properties.maxRetries(), false);
        JsonNode name = readJson(response).get("name");
        if (name == null || !name.isString() || name.asString().isBlank()) {
            throw new VeoApiException(response.statusCode(), "", "Veo answered without an operation name", false);
        }
        return name.asString();
    }

    /** {@code GET {base}/{operation name}}, once: the poller repeats failed reads on its own schedule. */
    JsonNode operation(String name) {
        HttpRequest request = request(name).header("Accept", "application/json").GET().build();
        return readJson(send(request, 0, true));
    }

    /** The API key header, for downloads from Google's own host only. */
    Map<String, String> keyHeader() {
        return Map.of(KEY_HEADER, key);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(VeoRequests.stripSlash(properties.baseUrl()) + "/" + path))
                .timeout(properties.requestTimeout())
                .header(KEY_HEADER, key);
    }

    private HttpResponse<String> send(HttpRequest request, int maxRetries, boolean repeatable) {
        HttpResponse<String> response = http.send(request, maxRetries, (answer, attempt) -> {
            if (!retryable(answer.statusCode())) {
                return null;
            }
            GoogleError error = GoogleError.parse(answer.statusCode(), answer.body());
            return new UpstreamHttp.Retry(delay(attempt, answer, error), "HTTP " + answer.statusCode() + " "
                    + error.status());
        }, (failure, message, sent, cause) -> {
            if (failure == UpstreamHttp.Failure.UNANSWERED) {
                log.warn("Veo {} {} sent but not answered: {}", sent.method(), sent.uri().getPath(),
                        cause.getClass().getSimpleName());
            }
            return new VeoApiException(0, "", message, failure != UpstreamHttp.Failure.UNANSWERED || repeatable);
        });
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        GoogleError error = GoogleError.parse(status, response.body());
        log.info("Veo {} {} answered HTTP {} {}: {}", request.method(), request.uri().getPath(), status,
                error.status(), error.message());
        throw new VeoApiException(status, error.kind(), "HTTP " + status + (error.kind().isEmpty() ? ""
                : " " + error.kind()), retryable(status));
    }

    /** RESOURCE_EXHAUSTED (quota), INTERNAL, UNAVAILABLE (overloaded), DEADLINE_EXCEEDED; the rest is final. */
    private static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 503 || status == 504;
    }

    /** Google's RetryInfo first, then Retry-After, then doubling backoff; never longer than max-retry-backoff. */
    private Duration delay(int attempt, HttpResponse<String> response, GoogleError error) {
        Duration max = properties.maxRetryBackoff();
        Duration asked = error.retryDelay();
        if (asked != null) {
            return asked.compareTo(max) > 0 ? max : asked;
        }
        return http.backoff().wait(response, attempt);
    }

    private static JsonNode readJson(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new VeoApiException(response.statusCode(), "", "Veo answered with unreadable JSON", true);
        }
    }
}
