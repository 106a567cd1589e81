package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.reelgate.server.fetch.GuardedHttpClients;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One callback attempt against receivers on loopback that redirect, hang, or never stop answering. */
class CallbackSenderTest {

    private static final CallbackProperties ONE_SECOND = new CallbackProperties(Duration.ofSeconds(1),
            List.of(Duration.ofSeconds(1)), 0, Duration.ofMillis(100), Duration.ofHours(1), 4, 2, 10);

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer receiver;
    private HttpServer other;

    private static CallbackSender sender(boolean allowPrivate) {
        OutboundProperties outbound = new OutboundProperties(allowPrivate, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3, 10);
        OutboundGuard guard = new OutboundGuard(outbound, InetAddress::getAllByName);
        return new CallbackSender(guard, ONE_SECOND, new GuardedHttpClients(guard, outbound));
    }

    private static HttpServer serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (receiver != null) {
            receiver.stop(0);
        }
        if (other != null) {
            other.stop(0);
        }
    }

    @Test
    void aRedirectIsAFailedAttemptAndItsTargetIsNeverAsked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        other = serve(exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver = serve(exchange -> {
            exchange.getResponseHeaders().add("Location", url(other, "/elsewhere"));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });

        CallbackSender.Outcome outcome = sender(true).post(url(receiver, "/hook"), "{}", Map.of());

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("receiver answered HTTP 307");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aReceiverThatNeverAnswersCostsOneTimeout() throws Exception {
        receiver = serve(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        CallbackSender.Outcome outcome = sender(true).post(url(receiver, "/hang"), "{}", Map.of());

        assertThat(outcome.error()).isEqualTo("timed out after 1 s");
    }

    @Test
    void anEndlessAnswerIsNotReadSoTheAttemptEndsAtItsStatus() throws Exception {
        receiver = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] chunk = new byte[8192];
                while (release.getCount() > 0) {
                    body.write(chunk);
                    body.flush();
                }
            } catch (IOException e) {
                // the sender hung up, as it should
            }
        });

        CallbackSender.Outcome outcome = sender(true).post(url(receiver, "/endless"), "{}", Map.of());

        assertThat(outcome.delivered()).isTrue();
    }

    @Test
    void aPrivateReceiverIsRefusedBeforeAnyConnection() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        receiver = serve(exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });

        CallbackSender.Outcome outcome = sender(false).post(url(receiver, "/private"), "{}", Map.of());

        assertThat(outcome.error()).isEqualTo("refused: the host 127.0.0.1 resolves to a non-public address");
        assertThat(asked).hasValue(0);
    }
}
