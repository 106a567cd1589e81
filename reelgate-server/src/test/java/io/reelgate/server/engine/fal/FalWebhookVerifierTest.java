package io.reelgate.server.engine.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.testsupport.FakeFal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** fal's webhook signature: Ed25519 keys from the fake's JWKS, over the raw body, within 300 s. */
class FalWebhookVerifierTest {

    private static final FakeFal FAL = new FakeFal();
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final AtomicInteger fetches = new AtomicInteger();
    private final FalWebhookVerifier verifier = new FalWebhookVerifier(this::jwks, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterAll
    static void stop() {
        FAL.close();
    }

    @Test
    void aGoodSignatureIsAcceptedAndReadAsSucceeded() {
        byte[] body = FAL.webhookOk("req-1").getBytes(StandardCharsets.UTF_8);
        verifier.verify(FAL.webhookHeaders("req-1", NOW.getEpochSecond() - 10, body), body);

        UpstreamStatus status = FalStatuses.ofWebhook("app|req-1", FalClient.JSON.readTree(body));
        assertThat(status.phase()).isEqualTo(UpstreamStatus.Phase.SUCCEEDED);
        assertThat(status.outputs()).containsExactly(FAL.baseUrl() + "/files/req-1/output.mp4");
    }

    @Test
    void aTamperedBodyIsRefusedAfterOneRefetchOfTheKeys() {
        byte[] body = FAL.webhookOk("req-2").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = FAL.webhookHeaders("req-2", NOW.getEpochSecond(), body);
        byte[] tampered = FAL.webhookOk("req-2").replace("output", "other").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(headers, tampered)).isInstanceOf(WebhookRejectedException.class);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anOldOrMissingTimestampIsRefused() {
        byte[] body = FAL.webhookOk("req-3").getBytes(StandardCharsets.UTF_8);
        Map<String, String> old = FAL.webhookHeaders("req-3", NOW.getEpochSecond() - 301, body);
        Map<String, String> missing = new HashMap<>(FAL.webhookHeaders("req-3", NOW.getEpochSecond(), body));
        missing.remove("x-fal-webhook-timestamp");

        assertThatThrownBy(() -> verifier.verify(old, body)).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> verifier.verify(missing, body)).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void anErrorDeliveryIsReadAsFailedWithOurMessage() {
        String body = "{\"request_id\":\"r\",\"status\":\"ERROR\",\"error\":\"Invalid status code: 422\",\"payload\":"
                + "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\",\"type\":\"missing\"}]}}";

        UpstreamStatus status = FalStatuses.ofWebhook("app|r", FalClient.JSON.readTree(body));

        assertThat(status.phase()).isEqualTo(UpstreamStatus.Phase.FAILED);
        assertThat(status.failCode()).isEqualTo(400);
        assertThat(status.failMsg()).contains("prompt").doesNotContain("field required");
    }

    private String jwks() {
        fetches.incrementAndGet();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(FAL.baseUrl()
                    + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
