package io.reelgate.server.api.reelgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.task.TaskEventHub;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.ConnectionCounter;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TaskEventStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Server-Sent Events task stream over real HTTP. Closed streams are noticed at the next heartbeat (every
 * second in tests), which is how subscriber counts return to zero between tests.
 */
class TaskStreamEndToEndTest extends EndToEndTest {

    @Autowired
    TaskEventHub hub;

    @Test
    void everyStateChangeArrivesInOrderWithProgress() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("stream", 1000).secret();
        KieHttp client = new KieHttp(baseUrl(), secret);
        try (TaskEventStream stream = new TaskEventStream(baseUrl(), secret, "", null)) {
            // no wait needed: the subscription is queued on the fan-out thread before any later event
            String taskId = client.generate("{\"prompt\":\"stream\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

            List<TaskEventStream.Event> events = stream.until(taskId, "success", Duration.ofSeconds(60));

            List<String> states = new ArrayList<>();
            int lastProgress = -1;
            long lastId = 0;
            for (TaskEventStream.Event event : events) {
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
        try (TaskEventStream first = new TaskEventStream(baseUrl(), secret, "", null)) {
            taskId = client.generate("{\"prompt\":\"resume\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
            lastSeen = first.until(taskId, "queueing", Duration.ofSeconds(30)).stream().mapToLong(TaskEventStream.Event::id).max().orElseThrow();
        }
        client.awaitTerminal(taskId, Duration.ofSeconds(60));

        try (TaskEventStream resumed = new TaskEventStream(baseUrl(), secret, "?taskId=" + taskId, Long.toString(lastSeen))) {
            List<TaskEventStream.Event> missed = resumed.until(taskId, "success", Duration.ofSeconds(10));

            assertThat(missed.get(0).id()).isGreaterThan(lastSeen);
            assertThat(missed.get(0).data().get("state").asString()).isEqualTo("generating");
            assertThat(missed).extracting(e -> e.data().get("state").asString()).doesNotContain("wait", "queueing");
        }
    }

    @Test
    void twoHundredIdleStreamsCostNoDatabaseQueries() throws Exception {
        String secret = new AdminHttp(baseUrl(), DATA_DIR).createKey("idle", 0).secret();
        List<TaskEventStream> streams = new ArrayList<>();
        awaitSubscribers(0);
        int before = 0;
        try {
            for (int i = 0; i < 200; i++) {
                streams.add(new TaskEventStream(baseUrl(), secret, "", null));
            }
            awaitSubscribers(before + 200);
            long httpBefore = ConnectionCounter.count("http-nio");
            long fanOutBefore = ConnectionCounter.count("reelgate-task-events");
            long sendersBefore = ConnectionCounter.count("reelgate-stream-sender");

            // the idle time in which nothing may run is three heartbeats on every stream
            int[] heartbeats = streams.stream().mapToInt(TaskEventStream::heartbeats).toArray();
            Await.until(Duration.ofSeconds(30), "three heartbeats on every stream", () -> IntStream.range(0, heartbeats.length)
                    .allMatch(i -> streams.get(i).heartbeats() >= heartbeats[i] + 3));

            assertThat(ConnectionCounter.count("http-nio") - httpBefore).as("request threads").isZero();
            assertThat(ConnectionCounter.count("reelgate-task-events") - fanOutBefore).as("fan-out thread").isZero();
            assertThat(ConnectionCounter.count("reelgate-stream-sender") - sendersBefore).as("sender threads, which "
                    + "wrote the heartbeats").isZero();
            assertThat(hub.subscriberCount()).as("heartbeats kept every stream").isEqualTo(before + 200);
        } finally {
            for (TaskEventStream stream : streams) {
                stream.close();
            }
        }
    }

    private void awaitSubscribers(int count) {
        assertThat(Await.atMost(Duration.ofSeconds(30), hub::subscriberCount, n -> n == count)).isEqualTo(count);
    }
}
