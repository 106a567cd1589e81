package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.UpstreamHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the engine makes to fal's queue (docs/engines.md, "fal"): submit, status, result, cancel. Every request
 * carries {@code Authorization: Key …}. Only answers that prove no request was queued are retried on submit.
 */
class FalClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** fal's SDKs retry these; 500 is an app error and final (docs/engines.md, "fal: failures"). */
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    /** One answer: HTTP status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                return JSON.missingNode();
            }
        }
    }

    private final FalProperties properties;
    private final String authorization;
    private final UpstreamHttp http;

    FalClient(FalProperties properties, String secret, UpstreamHttp.Sleeper sleeper) {
        this.properties = properties;
        this.authorization = "Key " + secret;
        // Retry-After when given, else exponential from retry-backoff with up to 25 % jitter, capped
        this.http = new UpstreamHttp("fal", FalClient.class, new UpstreamHttp.Backoff(properties.retryBackoff(),
                properties.maxRetryBackoff(), 0.25), sleeper);
    }

    /** {@code POST {base}/{path}[?fal_webhook=…]}; answers fal's request id. Sent once unless nothing was queued. */
    String submit(String path, Map<String, Object> body, String webhookUrl) {
        String query = webhookUrl == null ? "" : "?fal_webhook=" + URLEncoder.encode(webhookUrl, StandardCharsets.UTF_8);
        HttpRequest request = request("/" + path + query)
                .header("Content-Type", "application/json")
                .header("X-Fal-Request-Timeout", String.valueOf(Math.max(2, properties.startTimeout().toSeconds())))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        Answer answer = success(send(request, properties.maxRetries()));
        JsonNode id = answer.json().get("request_id");
        if (id == null || !id.isString() || id.asString().isBlank()) {
            throw new FalApiException(answer.status(), "fal answered without a request_id", false, answer.body());
        }
        return id.asString();
    }

    /** {@code GET …/requests/{id}/status?logs=0}, once: the poller repeats failed polls on its own schedule. */
    JsonNode status(FalRequestId id) {
        return success(send(request("/" + id.app() + "/requests/" + id.requestId() + "/status").GET().build(), 0)).json();
    }

    /** {@code GET …/requests/{id}}: the output (200) or the error answer (422, 5xx) as it came. */
    Answer result(FalRequestId id) {
        return send(request("/" + id.app() + "/requests/" + id.requestId()).GET().build(), properties.maxRetries());
    }

    /** {@code PUT …/requests/{id}/cancel}; 400 (already done) is not an error. */
    void cancel(FalRequestId id) {
        HttpRequest request = request("/" + id.app() + "/requests/" + id.requestId() + "/cancel")
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        Answer answer = send(request, properties.maxRetries());
        if (answer.status() >= 300 && answer.status() != 400) {
            throw new FalApiException(answer.status(), "HTTP " + answer.status(), false, answer.body());
        }
    }

    /** The JWKS that signs webhooks: public, so sent without the key. */
    String jwks() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.jwksUrl()))
                .timeout(properties.requestTimeout()).header("Accept", "application/json").GET().build();
        return success(send(request, properties.maxRetries())).body();
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1) : properties.baseUrl();
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.requestTimeout())
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private static Answer success(Answer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        throw new FalApiException(answer.status(), "HTTP " + answer.status(), RETRYABLE.contains(answer.status())
                || answer.status() >= 500, answer.body());
    }

    /**
     * Sends with retries on 429/502/503/504 (unless fal says the caller's own timeout ran out) and refused
     * connections; other answers are returned as they are. A request that may have reached fal is never re-sent (a
     * submit could be queued and billed twice).
     */
    private Answer send(HttpRequest request, int maxRetries) {
        HttpResponse<String> response = http.send(request, maxRetries, (answer, attempt) -> {
            boolean userTimeout = "user".equalsIgnoreCase(
                    answer.headers().firstValue("x-fal-request-timeout-type").orElse(""));
            return RETRYABLE.contains(answer.statusCode()) && !userTimeout ? new UpstreamHttp.Retry(
                    http.backoff().wait(answer, attempt), "HTTP " + answer.statusCode()) : null;
        }, (failure, message, sent, cause) -> new FalApiException(0, message, true, null));
        return new Answer(response.statusCode(), response.body());
    }
}
