package io.reelgate.server.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runway's API shape on loopback for load: every create answers a fresh task id at once, every status read of a
 * task answers RUNNING after {@code statusDelay} (a slow upstream) and is recorded with its arrival time, so tests
 * can measure how late polls are. Each request is served on its own thread, as a real upstream would.
 */
public final class SlowRunway implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, List<Instant>> polls = new ConcurrentHashMap<>();
    private final Duration statusDelay;

    public SlowRunway(Duration statusDelay) {
        this.statusDelay = statusDelay;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Arrival times of the status reads of each upstream task created so far. */
    public Map<String, List<Instant>> polls() {
        return polls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("POST")) {
            String id = UUID.randomUUID().toString();
            polls.put(id, new CopyOnWriteArrayList<>());
            answer(exchange, 200, "{\"id\":\"" + id + "\"}");
        } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/tasks/")) {
            String id = path.substring("/v1/tasks/".length());
            polls.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
            try {
                // the slowness is what this fake plays: an upstream whose status answers take their time
                Thread.sleep(statusDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"id\":\"" + id + "\",\"createdAt\":\"" + FakeRunway.CREATED_AT
                    + "\",\"status\":\"RUNNING\",\"progress\":0.1}");
        } else {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
