package io.reelgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.TaskEventHub;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.ConnectionCounter;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Server-Sent Events task stream over real HTTP. Closed streams are noticed at the next heartbeat (every
 * second in tests), which is how subscriber counts return to zero between tests.
 */
class TaskStreamEndToEndTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    TaskEventHub hub;

    record Event(long id, JsonNode data) {
    }

    /** One open stream, read on a background thread into a queue. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        Stream(String secret, String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tasks/stream" + query))
                    .header("Authorization", "Bearer " + secret).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                long id = -1;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(id, JSON.readTree(line.substring(5).trim())));
                    }
                }
            } catch (Exception e) {
                // stream closed by the test
            }
        }

        List<Event> until(String taskId, String terminalState, Duration timeout) throws InterruptedException {
            List<Event> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && event.data().get("taskId").asString().equals(taskId)) {
                    seen.add(event);
                    if (event.data().get("state").asString().equals(terminalState)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no " + terminalState + " event for " + taskId + "; saw " + seen);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void everyStateChangeArrivesInOrderWithProgress() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("stream", 1000).secret();
        KieHttp client = new KieHttp(baseUrl(), secret);
        try (Stream stream = new Stream(secret, "", null)) {
            // no wait needed: the subscription is queued on the fan-out thread before any later event
            String taskId = client.generate("{\"prompt\":\"stream\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

            List<Event> events = stream.until(taskId, "success", Duration.ofSeconds(60));

            List<String> states = new ArrayList<>();
            int lastProgress = -1;
            long lastId = 0;
            for (Event event : events) {
                String state = event.data().get("state").asString();
                if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                    states.add(state);
                }
                if (state.equals("generating")) {
                    assertThat(event.data().get("progress").asInt()).isGreaterThanOrEqualTo(lastProgress);
                    lastProgress = event.data().get("progress").asInt();
                }
                assertThat(event.id()).isGreaterThan(lastId);
                lastId = event.id();
            }
            assertThat(states).containsExactly("wait", "queueing", "generating", "success");
            assertThat(lastProgress).isGreaterThan(0);
        }
    }

    @Test
    void aReconnectWithLastEventIdResumesWithoutGapsOrDuplicates() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("resume", 1000).secret();
        KieHttp client = new KieHttp(baseUrl(), secret);
        long lastSeen;
        String taskId;
        try (Stream first = new Stream(secret, "", null)) {
            taskId = client.generate("{\"prompt\":\"resume\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
            lastSeen = first.until(taskId, "queueing", Duration.ofSeconds(30)).stream().mapToLong(Event::id).max().orElseThrow();
        }
        client.awaitTerminal(taskId, Duration.ofSeconds(60));

        try (Stream resumed = new Stream(secret, "?taskId=" + taskId, Long.toString(lastSeen))) {
            List<Event> missed = resumed.until(taskId, "success", Duration.ofSeconds(10));

            assertThat(missed.get(0).id()).isGreaterThan(lastSeen);
            assertThat(missed.get(0).data().get("state").asString()).isEqualTo("generating");
            assertThat(missed).extracting(e -> e.data().get("state").asString()).doesNotContain("wait", "queueing");
        }
    }

    @Test
    void twoHundredIdleStreamsCostNoDatabaseQueries() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("idle", 0).secret();
        List<Stream> streams = new ArrayList<>();
        awaitSubscribers(0);
        int before = 0;
        try {
            for (int i = 0; i < 200; i++) {
                streams.add(new Stream(secret, "", null));
            }
            awaitSubscribers(before + 200);
            long httpBefore = ConnectionCounter.count("http-nio");
            long fanOutBefore = ConnectionCounter.count("reelgate-task-events");

            Thread.sleep(3000);

            assertThat(ConnectionCounter.count("http-nio") - httpBefore).as("request threads").isZero();
            assertThat(ConnectionCounter.count("reelgate-task-events") - fanOutBefore).as("fan-out thread").isZero();
            assertThat(hub.subscriberCount()).as("heartbeats kept every stream").isEqualTo(before + 200);
        } finally {
            for (Stream stream : streams) {
                stream.close();
            }
        }
    }

    private void awaitSubscribers(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (hub.subscriberCount() != count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(hub.subscriberCount()).isEqualTo(count);
    }
}
