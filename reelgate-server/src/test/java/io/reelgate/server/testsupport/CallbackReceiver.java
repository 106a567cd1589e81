package io.reelgate.server.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A user's webhook endpoint on loopback: records every request and answers from a script of statuses, or, while
 * {@link #hold() held}, records each request on arrival and answers none until {@link #release()} (a receiver that
 * hangs until the caller's timeout).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** @param protocol the request line's version, e.g. {@code HTTP/1.1} */
    public record Received(String path, Map<String, String> headers, String body, Instant at, String protocol) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now(),
                    exchange.getProtocol()));
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer status = script.poll();
            byte[] answer = "{\"status\":\"received\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // one thread per request, so a held request never holds up the others
        server.setExecutor(handlers);
        server.start();
    }

    /** From now on requests wait, unanswered, until {@link #release()} or {@link #close()}. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    /** Answers every held request and stops holding. */
    public void release() {
        held.countDown();
    }

    /** The next answers, in order; after them every request gets 200. */
    public void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** Waits until {@code count} requests reached {@code path}. */
    public List<Received> await(String path, int count, Duration timeout) {
        return Await.until(timeout, () -> count + " callbacks to " + path + " expected, got " + at(path).size(),
                () -> at(path), matching -> matching.size() >= count);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
