package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * fal's queue API played by WireMock on 127.0.0.1 (docs/engines.md, "fal"): submit, status, result, cancel, a JWKS
 * with a JDK-generated Ed25519 key, and signed webhook deliveries.
 */
public final class FakeFal implements AutoCloseable {

    public static final String KEY = "fal-key-" + "5e3c7a9b".repeat(6);

    private final WireMockServer server = LoopbackWireMock.started();
    private final byte[] video = TinyMp4.render();
    private final KeyPair keys;

    public FakeFal() {
        keys = ed25519();
        server.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(okJson(jwks(keys))));
        server.stubFor(put(urlMatching("/.*/requests/.*/cancel")).willReturn(okJson("{\"status\":\"CANCELLATION_REQUESTED\"}")));
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reelgate.engine.fal.api-key", () -> KEY);
        registry.add("reelgate.engine.fal.base-url", this::baseUrl);
        registry.add("reelgate.engine.fal.jwks-url", () -> baseUrl() + "/.well-known/jwks.json");
        registry.add("reelgate.engine.fal.poll-interval", () -> "100ms");
        registry.add("reelgate.upstream.tick", () -> "50ms");
    }

    /** Submits to {@code endpoint} answer each answer once, the last one forever. */
    public void submitAnswers(String endpoint, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "submit-" + endpoint, () -> post(urlPathEqualTo("/" + endpoint)), answers);
    }

    public static ResponseDefinitionBuilder accepted(String app, String requestId) {
        String base = "https://queue.fal.run/" + app + "/requests/" + requestId;
        return okJson("{\"request_id\":\"" + requestId + "\",\"response_url\":\"" + base + "\",\"status_url\":\""
                + base + "/status\",\"cancel_url\":\"" + base + "/cancel\",\"queue_position\":0}");
    }

    public void statusAnswers(String app, String requestId, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "status-" + requestId,
                () -> get(urlPathEqualTo("/" + app + "/requests/" + requestId + "/status")), answers);
    }

    public static ResponseDefinitionBuilder inQueue(String requestId, int position) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody(
                "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + requestId + "\",\"queue_position\":" + position + "}");
    }

    public static ResponseDefinitionBuilder inProgress(String requestId) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody(
                "{\"status\":\"IN_PROGRESS\",\"request_id\":\"" + requestId + "\",\"logs\":[]}");
    }

    public static ResponseDefinitionBuilder completed(String requestId, double inferenceSeconds) {
        return okJson("{\"status\":\"COMPLETED\",\"request_id\":\"" + requestId + "\",\"logs\":[],"
                + "\"metrics\":{\"inference_time\":" + inferenceSeconds + "}}");
    }

    /** The result of a succeeded request: a video served by this fake. */
    public void resultVideo(String app, String requestId) {
        String path = "/files/" + requestId + "/output.mp4";
        LoopbackWireMock.serve(server, urlPathEqualTo(path), video, "video/mp4");
        server.stubFor(get(urlPathEqualTo("/" + app + "/requests/" + requestId)).willReturn(okJson(
                "{\"video\":{\"url\":\"" + baseUrl() + path + "\",\"content_type\":\"video/mp4\",\"file_size\":"
                        + video.length + "},\"seed\":42}")));
    }

    public void resultAnswer(String app, String requestId, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo("/" + app + "/requests/" + requestId)).willReturn(answer));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The headers fal sends with a webhook delivery of {@code body}, signed at {@code timestamp}. */
    public Map<String, String> webhookHeaders(String requestId, long timestamp, byte[] body) {
        try {
            String message = requestId + "\nuser-1\n" + timestamp + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Map.of("x-fal-webhook-request-id", requestId, "x-fal-webhook-user-id", "user-1",
                    "x-fal-webhook-timestamp", String.valueOf(timestamp),
                    "x-fal-webhook-signature", HexFormat.of().formatHex(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String webhookOk(String requestId) {
        return "{\"request_id\":\"" + requestId + "\",\"gateway_request_id\":\"" + requestId + "\",\"status\":\"OK\","
                + "\"payload\":{\"video\":{\"url\":\"" + baseUrl() + "/files/" + requestId + "/output.mp4\"}},\"error\":null}";
    }

    /** Publishes bytes (an input image a user points at) and returns the URL. */
    public String serve(String path, byte[] body, String contentType) {
        LoopbackWireMock.serve(server, urlEqualTo(path), body, contentType);
        return baseUrl() + path;
    }

    public byte[] video() {
        return video;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWKS entry: the raw key is the X.509 encoding's last 32 bytes (RFC 8037). */
    private static String jwks(KeyPair keys) {
        byte[] encoded = keys.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}]}";
    }

    @Override
    public void close() {
        server.stop();
    }
}
