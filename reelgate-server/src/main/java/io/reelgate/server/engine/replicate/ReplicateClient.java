package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.UpstreamHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the engine makes to Replicate's predictions API (docs/engines.md, "Replicate"). Every request carries
 * {@code Authorization: Bearer}. Only answers that prove nothing was done are retried (429 honouring
 * {@code Retry-After}, refused connections): Replicate has no idempotency key, so a create that may have reached it
 * (timed out after sending, 5xx) is reported as {@link ReplicateApiException#outcomeUnknown()} for reconciling.
 */
class ReplicateClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReplicateProperties properties;
    private final String authorization;
    private final UpstreamHttp http;

    ReplicateClient(ReplicateProperties properties, UpstreamHttp.Sleeper sleeper) {
        this.properties = properties;
        this.authorization = "Bearer " + properties.token();
        // Retry-After (seconds) when given, capped at max-retry-backoff; else doubling from retry-backoff
        this.http = new UpstreamHttp("Replicate", ReplicateClient.class, new UpstreamHttp.Backoff(
                properties.retryBackoff(), properties.maxRetryBackoff(), 0), sleeper);
    }

    /** Creates a prediction; {@code Cancel-After} makes Replicate stop it even if Reelgate never comes back. */
    JsonNode create(String path, Map<String, Object> body, Duration cancelAfter) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .header("Cancel-After", cancelAfter.toSeconds() + "s")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return json(send(request, true));
    }

    JsonNode get(String id) {
        return json(send(request("/predictions/" + id).GET().build(), false));
    }

    void cancel(String id) {
        send(request("/predictions/" + id + "/cancel").POST(HttpRequest.BodyPublishers.noBody()).build(), false);
    }

    /** The first page (100, newest first) of predictions created after {@code since}. */
    JsonNode listCreatedAfter(Instant since) {
        String query = "?created_after=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
        return json(send(request("/predictions" + query).GET().build(), false));
    }

    /** The account's webhook signing secret, {@code whsec_…}. */
    String webhookSecret() {
        return json(send(request("/webhooks/default/secret").GET().build(), false)).path("key").asString("");
    }

    /** Uploads an input file to Replicate's file store; answers the URL predictions read it from. */
    String upload(byte[] content, String filename, String contentType) {
        String boundary = "reelgate-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String url = json(send(request, false)).path("urls").path("get").asString("");
        if (url.isBlank()) {
            throw new ReplicateApiException(201, "Replicate stored the file without a URL", false);
        }
        return url;
    }

    private HttpRequest.Builder request(String path) {
        String base = properties.baseUrl().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(properties.requestTimeout())
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request, boolean create) {
        HttpResponse<String> response = http.send(request, properties.maxRetries(), (answer, attempt) ->
                answer.statusCode() == 429 ? new UpstreamHttp.Retry(http.backoff().wait(answer, attempt), "HTTP 429")
                        : null,
                (failure, message, sent, cause) -> new ReplicateApiException(0, message, create && mayExist(failure)));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw new ReplicateApiException(status, "HTTP " + status + ": " + detail(response.body()),
                create && status >= 500);
    }

    /** Sent (or interrupted while sending) without an answer: a create may exist upstream. */
    private static boolean mayExist(UpstreamHttp.Failure failure) {
        return failure == UpstreamHttp.Failure.UNANSWERED || failure == UpstreamHttp.Failure.INTERRUPTED;
    }

    /** Replicate's problem+json {@code detail}, for the log only. */
    private static String detail(String body) {
        try {
            return JSON.readTree(body).path("detail").asString("");
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ReplicateApiException(response.statusCode(), "Replicate answered with unreadable JSON", false);
        }
    }
}
