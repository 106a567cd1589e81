package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Replicate's predictions API on loopback (WireMock) with its documented shapes (docs/engines.md, "Replicate"):
 * creates answer 201 with a prediction, reads walk through the statuses given, cancel answers the prediction.
 * Creates are told apart by {@code input.prompt}, so tests sharing one server do not see each other's predictions.
 */
public final class FakeReplicate implements AutoCloseable {

    public static final String TOKEN = "r8_SecretReplicateToken0123456789abcdefg";
    /** A Standard-Webhooks secret: {@code whsec_} + base64 of 24 bytes. */
    public static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final WireMockServer server = LoopbackWireMock.started();
    private final byte[] video;

    public FakeReplicate() {
        video = TinyMp4.render();
        server.stubFor(post(urlMatching("/v1/predictions/[a-z0-9]+/cancel")).willReturn(okJson("{\"status\":\"canceled\"}")));
    }

    public WireMockServer server() {
        return server;
    }

    /** Points a test server's replicate engine, with its webhook secret, at this fake. */
    public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reelgate.engine.replicate.api-token", () -> TOKEN);
        registry.add("reelgate.engine.replicate.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("reelgate.engine.replicate.base-url", () -> baseUrl() + "/v1");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Creates at {@code path} whose input.prompt is {@code prompt} answer each of {@code answers} once, the last forever. */
    public void createAnswers(String path, String prompt, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "create-" + prompt, () -> post(urlEqualTo("/v1" + path))
                .withRequestBody(matchingJsonPath("$.input.prompt", equalTo(prompt))), answers);
    }

    /** Reads of prediction {@code id} answer each body once, the last one forever. */
    public void predictionAnswers(String id, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "prediction-" + id, () -> get(urlEqualTo("/v1/predictions/" + id)), answers);
    }

    /** {@code GET /v1/predictions?created_after=…} answers these predictions (JSON objects). */
    public void recentPredictions(String... predictions) {
        server.stubFor(get(urlPathEqualTo("/v1/predictions")).willReturn(okJson("{\"next\":null,\"previous\":null,"
                + "\"results\":[" + String.join(",", predictions) + "]}")));
    }

    public static String prediction(String id, String status, String extra) {
        return "{\"id\":\"" + id + "\",\"model\":\"bytedance/seedance-1-pro\",\"version\":\"hidden\",\"input\":{},"
                + "\"logs\":\"\",\"output\":null,\"data_removed\":false,\"error\":null,\"status\":\"" + status + "\","
                + "\"created_at\":\"2026-09-08T16:19:34.765994Z\",\"urls\":{\"get\":\"https://api.replicate.com/v1/"
                + "predictions/" + id + "\",\"cancel\":\"https://api.replicate.com/v1/predictions/" + id + "/cancel\"}"
                + extra + "}";
    }

    public static ResponseDefinitionBuilder created(String id) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(prediction(id, "starting", ""));
    }

    public static ResponseDefinitionBuilder status(String id, String status) {
        return okJson(prediction(id, status, ""));
    }

    public static ResponseDefinitionBuilder processing(String id, String logs) {
        return okJson(prediction(id, "processing", "").replace("\"logs\":\"\"", "\"logs\":\"" + logs + "\""));
    }

    public static ResponseDefinitionBuilder failed(String id, String error) {
        return okJson(prediction(id, "failed", "").replace("\"error\":null", "\"error\":\"" + error + "\""));
    }

    /** A succeeded prediction whose output is a delivery URL on this fake, with metrics. */
    public ResponseDefinitionBuilder succeeded(String id) {
        return okJson(succeededBody(id));
    }

    public String succeededBody(String id) {
        String path = "/delivery/" + id + "/tmpowaafuyw.mp4";
        LoopbackWireMock.serve(server, urlPathEqualTo(path), video, "video/mp4");
        return prediction(id, "succeeded", ",\"metrics\":{\"predict_time\":82.01,\"total_time\":88.03}")
                .replace("\"output\":null", "\"output\":\"" + baseUrl() + path + "\"");
    }

    public static ResponseDefinitionBuilder error(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"detail\":\"" + detail + "\",\"status\":" + status + "}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
