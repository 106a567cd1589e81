package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.errors.ConnectionException;
import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.ServerException;
import io.reelgate.client.errors.ValidationException;
import io.reelgate.client.model.ExtendRequest;
import io.reelgate.client.model.GenerateRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTest extends FakeServerTest {

    private static final GenerateRequest REQUEST = GenerateRequest.builder("a cat").aspectRatio("16:9").build();
    private static final String ACCEPTED = "{\"taskId\":\"t-1\"}";


    @Test
    void aRateLimitIsWaitedOutAsLongAsRetryAfterSays() {
        server.answer(429, "{\"code\":429,\"msg\":\"Too many requests\",\"data\":null}", Map.of("Retry-After", "3"))
                .ok(ACCEPTED);

        assertThat(client.generate(REQUEST)).isEqualTo("t-1");
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aRateLimitInsideAnHttp200EnvelopeIsRetriedToo() {
        server.envelope(429, "Too many requests", "null").ok("42");

        assertThat(client.credits()).isEqualTo(42);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAcceptsSurfacesAtOnce() {
        server.answer(429, "{\"code\":429,\"msg\":\"later\",\"data\":null}", Map.of("Retry-After", "3600"));

        assertThatThrownBy(client::credits).isInstanceOf(RateLimitedException.class);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void retriesOfASubmitReuseOneIdempotencyKeyAndTheNextCallGetsAnother() {
        server.envelope(500, "boom", "null").envelope(455, "maintenance", "null").ok(ACCEPTED).ok("{\"taskId\":\"t-2\"}");

        assertThat(client.generate(REQUEST)).isEqualTo("t-1");
        assertThat(client.extend(ExtendRequest.of("t-1", "more"))).isEqualTo("t-2");

        assertThat(server.requests).hasSize(4);
        String key = server.requests.get(0).header("Idempotency-Key");
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(server.requests.subList(0, 3)).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
        assertThat(server.requests.get(3).header("Idempotency-Key")).isNotNull().isNotEqualTo(key);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void validationErrorsAreNeverRetried() {
        server.envelope(422, "aspectRatio is required when no imageUrl is given", "null");

        assertThatThrownBy(() -> client.generate(REQUEST)).isInstanceOf(ValidationException.class);
        assertThat(server.requests).hasSize(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        server.envelope(500, "a", "null").envelope(500, "b", "null").envelope(500, "c", "null");

        assertThatThrownBy(client::credits).isInstanceOfSatisfying(ServerException.class,
                e -> assertThat(e.msg()).isEqualTo("c"));
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void kieModeSendsNothingReelgateSpecificAndDoesNotRepeatAnAmbiguousSubmit() {
        ReelgateClient kie = TestClients.builder(server, sleeper).reelgateExtensions(false).build();
        server.envelope(500, "boom", "null");

        assertThatThrownBy(() -> kie.generate(REQUEST)).isInstanceOf(ServerException.class);
        assertThat(server.requests).hasSize(1);
        assertThat(server.requests.get(0).headers().keySet())
                .noneMatch(h -> h.equalsIgnoreCase("Idempotency-Key") || h.toLowerCase().startsWith("x-reelgate"));
        assertThatThrownBy(kie::ledger).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void kieModeStillRetriesRejectionsThatProcessedNothing() {
        ReelgateClient kie = TestClients.builder(server, sleeper).reelgateExtensions(false).build();
        server.envelope(455, "maintenance", "null").envelope(429, "limit", "null").ok(ACCEPTED);

        assertThat(kie.generate(REQUEST)).isEqualTo("t-1");
        assertThat(server.requests).hasSize(3).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isNull());
    }

    @Test
    void refusedConnectionsAreRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReelgateClient unreachable = ReelgateClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .apiKey("k").retryPolicy(TestClients.RETRY).sleeper(sleeper).build();

        assertThatThrownBy(() -> unreachable.generate(REQUEST)).isInstanceOfSatisfying(ConnectionException.class,
                e -> assertThat(e.code()).isZero());
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void sendsTheBearerKeyAndJson() {
        server.ok(ACCEPTED);

        client.generate(GenerateRequest.builder("a cat").imageUrl("https://x/y.png").waterMark("").build());

        FakeServer.Received request = server.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/runway/generate");
        assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.text()).isEqualTo(
                "{\"prompt\":\"a cat\",\"imageUrl\":\"https://x/y.png\",\"duration\":5,\"quality\":\"720p\",\"waterMark\":\"\"}");
    }
}
