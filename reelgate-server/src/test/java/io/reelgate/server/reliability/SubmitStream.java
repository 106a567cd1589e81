package io.reelgate.server.reliability;

import io.reelgate.server.testsupport.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that submits tasks while the server may die under it: each logical submit carries its own
 * Idempotency-Key and is sent again with that key after a lost connection or a 455/5xx, until the server answers
 * code 200 with a task id. The server's address is asked for on every attempt, as it changes across restarts.
 */
final class SubmitStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> baseUrl;
    private final String apiKey;
    /** Idempotency-Key to the task id of the answer. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    final AtomicInteger lostAttempts = new AtomicInteger();
    final AtomicInteger retriedAnswers = new AtomicInteger();

    SubmitStream(Supplier<String> baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Sends one logical submit until it is accepted; any answer but 200, 455 or 5xx fails the test. */
    String submit(String idempotencyKey, String path, String json, Duration giveUpAfter) {
        // a tenth of a second between attempts, as a client retrying a node that restarts would wait
        return Await.atMost(giveUpAfter, Duration.ofMillis(100), () -> attempt(idempotencyKey, path, json),
                        Optional::isPresent)
                .orElseThrow(() -> new AssertionError("submit " + idempotencyKey + " not accepted within " + giveUpAfter));
    }

    /** One attempt: the task id when accepted, empty when the node was away or answered 455 or 5xx. */
    private Optional<String> attempt(String idempotencyKey, String path, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // refused, reset or cut mid-answer: the task may or may not exist; the same key finds out
            lostAttempts.incrementAndGet();
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(response.body());
        // the KIE families answer HTTP 200 with the code in the envelope; OpenAI's dialect answers real statuses
        int code = body.has("code") ? body.path("code").asInt() : response.statusCode();
        if (code == 200) {
            String taskId = StreamDialect.taskIdOfAnswer(body);
            accepted.put(idempotencyKey, taskId);
            return Optional.of(taskId);
        }
        if (code != 455 && code < 500) {
            throw new AssertionError("submit " + idempotencyKey + " refused: " + response.body());
        }
        retriedAnswers.incrementAndGet();
        return Optional.empty();
    }
}
