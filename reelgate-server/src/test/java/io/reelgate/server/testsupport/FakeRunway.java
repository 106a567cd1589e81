package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Runway's developer API on loopback (WireMock), answering with the documented shapes (docs/upstreams.md,
 * "Runway: connection", "Runway: tasks", "Runway: cancel"): create answers {@code {"id"}}, task reads walk through the
 * statuses given, DELETE answers 204. Creates are told apart by their {@code promptText}, so tests sharing one server
 * do not see each other's tasks.
 */
public final class FakeRunway implements AutoCloseable {

    public static final String SECRET = "key_" + "0123456789abcdef".repeat(8);
    public static final String VERSION = "2024-11-06";
    public static final String CREATED_AT = "2026-07-30T10:00:00.123Z";

    private final WireMockServer server = LoopbackWireMock.started();
    private final byte[] video;

    public FakeRunway() {
        video = TinyMp4.render();
        server.stubFor(delete(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/v1/tasks/.*"))
                .willReturn(aResponse().withStatus(204)));
    }

    public WireMockServer server() {
        return server;
    }

    /** Points a test server's runway engine at this fake, polled every 100 ms on a 50 ms upstream tick. */
    public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reelgate.engine.runway.api-secret", () -> SECRET);
        registry.add("reelgate.engine.runway.base-url", this::baseUrl);
        registry.add("reelgate.engine.runway.poll-interval", () -> "100ms");
        registry.add("reelgate.upstream.tick", () -> "50ms");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A create of {@code endpoint} whose promptText is {@code prompt} answers {@code id}. */
    public void acceptCreate(String endpoint, String prompt, String id) {
        server.stubFor(post(urlEqualTo("/v1/" + endpoint))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo(prompt)))
                .willReturn(okJson("{\"id\":\"" + id + "\"}")));
    }

    /** Creates with this prompt answer each of {@code answers} once, then the last one forever. */
    public void createAnswers(String endpoint, String prompt, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "create-" + prompt, () -> post(urlEqualTo("/v1/" + endpoint))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo(prompt))), answers);
    }

    /** Reads of task {@code id} answer each body once, the last one forever. */
    public void taskAnswers(String id, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(server, "task-" + id, () -> get(urlEqualTo("/v1/tasks/" + id)), answers);
    }

    public static ResponseDefinitionBuilder status(String id, String status) {
        return okJson("{\"id\":\"" + id + "\",\"createdAt\":\"" + CREATED_AT + "\",\"status\":\"" + status + "\"}");
    }

    public static ResponseDefinitionBuilder running(String id, double progress) {
        return okJson("{\"id\":\"" + id + "\",\"createdAt\":\"" + CREATED_AT + "\",\"status\":\"RUNNING\",\"progress\":"
                + progress + "}");
    }

    public ResponseDefinitionBuilder succeeded(String id) {
        String path = "/outputs/" + id + ".mp4";
        LoopbackWireMock.serve(server, urlPathEqualTo(path), video, "video/mp4");
        return okJson("{\"id\":\"" + id + "\",\"createdAt\":\"" + CREATED_AT + "\",\"status\":\"SUCCEEDED\","
                + "\"output\":[\"" + baseUrl() + path + "?_jwt=eyJhbGciOi\"]}");
    }

    public static ResponseDefinitionBuilder failed(String id, String failure, String failureCode) {
        return okJson("{\"id\":\"" + id + "\",\"createdAt\":\"" + CREATED_AT + "\",\"status\":\"FAILED\",\"failure\":\""
                + failure + "\",\"failureCode\":\"" + failureCode + "\"}");
    }

    public static ResponseDefinitionBuilder error(int status, String error) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"" + error + "\"}");
    }

    /** Publishes bytes (an input image or video a user points at) and returns the URL. */
    public String serve(String path, byte[] body, String contentType) {
        LoopbackWireMock.serve(server, urlEqualTo(path), body, contentType);
        return baseUrl() + path;
    }

    public byte[] video() {
        return video;
    }

    @Override
    public void close() {
        server.stop();
    }
}
