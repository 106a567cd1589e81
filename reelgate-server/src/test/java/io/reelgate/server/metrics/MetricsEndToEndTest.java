package io.reelgate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.TaskEventStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Actuator over real HTTP, without a key: liveness and readiness (database and storage), and Prometheus metrics
 * that move when tasks run. The server is shared with other tests, so values are compared before/after.
 */
class MetricsEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void livenessAndReadinessIncludeDatabaseAndStorage() throws Exception {
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        String readiness = get("/actuator/health/readiness");
        assertThat(readiness).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"storage\"");
    }

    @Test
    void countersAndHistogramsMoveWhenTasksRun() throws Exception {
        String before = get("/actuator/prometheus");
        Map<String, String> generate = Map.of("kind", "generate", "engine", "preview");

        String ok = kie.generate("""
                {"prompt":"metrics: a windmill turning","duration":5,"quality":"720p","aspectRatio":"16:9"}""");
        JsonNode done = kie.awaitTerminal(ok, TIMEOUT);
        assertThat(done.get("state").asString()).isEqualTo("success");
        String cancelled = kie.generate("""
                {"prompt":"metrics: cancelled","duration":5,"quality":"720p","aspectRatio":"16:9"}""");
        kie.postJson("/api/v1/tasks/" + cancelled + "/cancel", "{}");
        kie.awaitTerminal(cancelled, TIMEOUT);

        // the terminal state is visible once it commits, but the metrics listener hears of it just after the commit:
        // wait for the last meter each terminal change writes (render time on success, credits refunded on fail)
        String after = Await.until(TIMEOUT, "the success and the cancel are counted", () -> get("/actuator/prometheus"),
                scrape -> delta(before, scrape, "reelgate_tasks_render_duration_seconds_count", generate) >= 1
                        && delta(before, scrape, "reelgate_credits_refunded_total", generate) >= 12);
        assertThat(delta(before, after, "reelgate_tasks_submitted_total", generate)).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "reelgate_tasks_succeeded_total", generate)).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "reelgate_tasks_failed_total", Map.of("kind", "generate", "failCode", "400")))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "reelgate_credits_charges_total", generate)).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "reelgate_credits_charged_total", generate)).isGreaterThanOrEqualTo(24);
        assertThat(delta(before, after, "reelgate_credits_refunds_total", generate)).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "reelgate_credits_refunded_total", generate)).isGreaterThanOrEqualTo(12);
        // histograms: count, sum and buckets of render time and of the time spent in each state
        assertThat(delta(before, after, "reelgate_tasks_render_duration_seconds_count", generate)).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "reelgate_tasks_render_duration_seconds_sum", generate)).isGreaterThan(0);
        assertThat(delta(before, after, "reelgate_tasks_render_duration_seconds_bucket",
                Map.of("kind", "generate", "le", "+Inf"))).isGreaterThanOrEqualTo(1);
        for (String state : new String[] {"wait", "queueing", "generating"}) {
            assertThat(delta(before, after, "reelgate_tasks_state_duration_seconds_count", Map.of("state", state)))
                    .as("time in %s", state).isGreaterThanOrEqualTo(1);
        }
        assertThat(delta(before, after, "http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/runway/generate", "method", "POST"))).isGreaterThanOrEqualTo(2);
        assertThat(after).contains("http_server_requests_seconds_bucket{")
                .containsPattern("reelgate_tasks_queue_depth\\{engine=\"preview\",state=\"queueing\"}");
    }

    @Test
    void callbackAttemptsAndFailuresAreCounted() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.answer(500, 200);
            String before = get("/actuator/prometheus");
            String taskId = kie.generate("{\"prompt\":\"metrics: callback\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"1:1\",\"callBackUrl\":\"" + receiver.url("/hook") + "\"}");
            kie.awaitTerminal(taskId, TIMEOUT);
            receiver.await("/hook", 2, Duration.ofSeconds(30));
            // the sender counts an attempt after it has read the answer, so the receiver sees it first
            String after = Await.until(TIMEOUT, "the delivered attempt is counted", () -> get("/actuator/prometheus"),
                    scrape -> delta(before, scrape, "reelgate_callbacks_attempts_total", Map.of("outcome", "delivered")) >= 1);
            assertThat(delta(before, after, "reelgate_callbacks_attempts_total", Map.of("outcome", "failed")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "reelgate_callbacks_attempts_total", Map.of("outcome", "delivered")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "reelgate_callbacks_failures_total", Map.of("final", "false")))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void openTaskStreamsAreCountedUntilTheyClose() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("metrics-streams", 0).secret();
        // streams other tests closed are noticed at their next heartbeat (every second in tests)
        awaitOpenStreams(0);
        TaskEventStream first = new TaskEventStream(baseUrl(), secret, "", null);
        TaskEventStream second = new TaskEventStream(baseUrl(), secret, "?taskId=none", null);
        try {
            awaitOpenStreams(2);
        } finally {
            first.close();
            second.close();
        }
        awaitOpenStreams(0);
    }

    private void awaitOpenStreams(int count) {
        Await.until(TIMEOUT, count + " open streams in reelgate_stream_subscribers", () -> get("/actuator/prometheus"),
                scrape -> sum(scrape, "reelgate_stream_subscribers", Map.of()) == count);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Sum of the samples of {@code name} whose labels include {@code labels}, after minus before. */
    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    private static double sum(String exposition, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String labelText = m.group(3) == null ? "" : m.group(3);
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }
}
