package io.reelgate.client;

import io.reelgate.client.model.TaskEvent;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The live task stream as a {@link Flow.Publisher}: one reader thread consumes the Server-Sent Events and
 * reconnects with {@code Last-Event-ID} after a dropped connection, so subscribers see every event once and in
 * order. Close it (or cancel every subscription) to stop.
 */
public final class TaskStream implements Flow.Publisher<TaskEvent>, AutoCloseable {

    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final Transport transport;
    private final String path;
    private final SubmissionPublisher<TaskEvent> publisher = new SubmissionPublisher<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile long lastEventId = -1;

    TaskStream(Transport transport, String path) {
        this.transport = transport;
        this.path = path;
        this.reader = new Thread(this::readUntilClosed, "reelgate-task-stream");
        this.reader.setDaemon(true);
    }

    TaskStream start() {
        reader.start();
        return this;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super TaskEvent> subscriber) {
        publisher.subscribe(subscriber);
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        publisher.close();
    }

    private void readUntilClosed() {
        while (!closed) {
            try {
                HttpRequest.Builder request = transport.authorized(path).header("Accept", "text/event-stream");
                if (lastEventId >= 0) {
                    request.header("Last-Event-ID", Long.toString(lastEventId));
                }
                HttpResponse<Stream<String>> response = transport.http().send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    try (Stream<String> lines = response.body()) {
                        read(lines.iterator());
                    }
                } else {
                    response.body().close();
                }
                transport.sleeper().sleep(RECONNECT_DELAY);
            } catch (IOException | RuntimeException e) {
                sleepQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void read(Iterator<String> lines) {
        long id = -1;
        StringBuilder data = new StringBuilder();
        while (!closed && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            } else if (line.isEmpty() && data.length() > 0) {
                JsonNode event = Json.read(data.toString());
                data.setLength(0);
                lastEventId = id;
                publisher.submit(new TaskEvent(id, event.path("taskId").asString(null), event.path("kind").asString(null),
                        event.path("state").asString(null), event.path("progress").asInt(0),
                        event.path("failCode").isIntegralNumber() ? event.path("failCode").asInt() : null,
                        event.path("failMsg").asString(null), event.path("at").asString(null)));
            }
        }
    }

    private void sleepQuietly() {
        try {
            transport.sleeper().sleep(RECONNECT_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
