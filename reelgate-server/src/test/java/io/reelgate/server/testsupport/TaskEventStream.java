package io.reelgate.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One open {@code /api/v1/tasks/stream} connection, read on a background thread into a queue of events. */
public final class TaskEventStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One {@code event: task} with its {@code id:}. */
    public record Event(long id, JsonNode data) {
        public String taskId() {
            return data.get("taskId").asString();
        }

        public String state() {
            return data.get("state").asString();
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final AtomicInteger heartbeats = new AtomicInteger();

    /**
     * @param query       e.g. {@code ""} or {@code "?taskId=…"}
     * @param lastEventId where to resume, or {@code null}
     */
    public TaskEventStream(String baseUrl, String apiKey, String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tasks/stream" + query))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        body = response.body();
        Thread reader = new Thread(this::read, "test-event-stream");
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
                } else if (line.equals(":heartbeat")) {
                    heartbeats.incrementAndGet();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(id, JSON.readTree(line.substring(5).trim())));
                }
            }
        } catch (Exception e) {
            // stream closed by the test
        }
    }

    /** The events of {@code taskId} up to and including its first {@code terminalState} one. */
    public List<Event> until(String taskId, String terminalState, Duration timeout) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        Await.until(timeout, () -> "no " + terminalState + " event for " + taskId + "; saw " + seen,
                () -> takeUntil(seen, taskId, terminalState), Boolean::booleanValue);
        return seen;
    }

    /** Which of {@code expected} reached {@code success} within the timeout. */
    public Set<String> successes(Set<String> expected, Duration timeout) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        return Await.atMost(timeout, () -> takeSuccesses(seen, expected), s -> s.containsAll(expected));
    }

    /** Takes what has arrived, stopping after the first {@code terminalState} event of {@code taskId}. */
    private boolean takeUntil(List<Event> seen, String taskId, String terminalState) {
        for (Event event = events.poll(); event != null; event = events.poll()) {
            if (event.taskId().equals(taskId)) {
                seen.add(event);
                if (event.state().equals(terminalState)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> takeSuccesses(Set<String> seen, Set<String> expected) {
        while (!seen.containsAll(expected)) {
            Event event = events.poll();
            if (event == null) {
                break;
            }
            if (event.state().equals("success")) {
                seen.add(event.taskId());
            }
        }
        return seen;
    }

    /** Heartbeat comments received so far: the server's clock ticking on an idle stream. */
    public int heartbeats() {
        return heartbeats.get();
    }

    /** Every event received so far and not yet taken by {@link #until} or {@link #successes}. */
    public List<Event> received() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws Exception {
        body.close();
    }
}
