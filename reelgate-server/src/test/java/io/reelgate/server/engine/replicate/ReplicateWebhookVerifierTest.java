package io.reelgate.server.engine.replicate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.testsupport.FakeReplicate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per way a Standard-Webhooks delivery can be wrong, on a fixed clock. */
class ReplicateWebhookVerifierTest {

    private static final long NOW = 1_790_000_000L;
    private static final byte[] BODY = "{\"id\":\"gm3qorzdhgbfurvjtvhg6dckhu\",\"status\":\"succeeded\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final ReplicateWebhookVerifier verifier = new ReplicateWebhookVerifier(() -> FakeReplicate.WEBHOOK_SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void aMatchingSignatureAmongSeveralIsAccepted() throws Exception {
        String good = ReplicateEngineEndToEndTest.sign("msg_1", NOW, BODY);
        assertThatCode(() -> verifier.verify(headers("msg_1", NOW, "v1,c2lnbmF0dXJl v1," + good), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aTimestampFourMinutesOffIsStillAccepted() throws Exception {
        String good = ReplicateEngineEndToEndTest.sign("msg_1", NOW - 240, BODY);
        assertThatCode(() -> verifier.verify(headers("msg_1", NOW - 240, "v1," + good), BODY)).doesNotThrowAnyException();
    }

    @Test
    void aWrongSignatureIsRefused() {
        assertThatThrownBy(() -> verifier.verify(headers("msg_1", NOW, "v1,c2lnbmF0dXJl"), BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("no webhook-signature matches");
    }

    @Test
    void aSignatureOverAnotherIdIsRefused() throws Exception {
        String other = ReplicateEngineEndToEndTest.sign("msg_2", NOW, BODY);
        assertThatThrownBy(() -> verifier.verify(headers("msg_1", NOW, "v1," + other), BODY))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void anOldTimestampIsRefusedEvenWhenSigned() throws Exception {
        String signed = ReplicateEngineEndToEndTest.sign("msg_1", NOW - 301, BODY);
        assertThatThrownBy(() -> verifier.verify(headers("msg_1", NOW - 301, "v1," + signed), BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("webhook-timestamp is too old");
    }

    @Test
    void aFutureTimestampIsRefusedEvenWhenSigned() throws Exception {
        String signed = ReplicateEngineEndToEndTest.sign("msg_1", NOW + 301, BODY);
        assertThatThrownBy(() -> verifier.verify(headers("msg_1", NOW + 301, "v1," + signed), BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("webhook-timestamp is too new");
    }

    @Test
    void missingHeadersAreRefused() {
        assertThatThrownBy(() -> verifier.verify(Map.of("webhook-id", "msg_1"), BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("webhook-timestamp header missing");
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature);
    }
}
