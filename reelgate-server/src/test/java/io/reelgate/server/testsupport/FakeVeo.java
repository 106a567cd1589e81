package io.reelgate.server.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The Gemini API's video path on loopback (WireMock), in the documented shapes (docs/engines.md, "Google Veo"):
 * {@code POST /v1beta/models/{model}:predictLongRunning} answers an operation name, operation reads walk through the
 * answers given, and a finished operation's file uri answers a redirect to a second server (the "CDN", another
 * origin) that serves the MP4. Creates are told apart by their prompt.
 */
public final class FakeVeo implements AutoCloseable {

    public static final String KEY = "AIza" + "SyFakeVeoKey0123456789abcdefghijk";
    public static final String KEY_HEADER = "x-goog-api-key";

    private final WireMockServer api = LoopbackWireMock.started();
    private final WireMockServer cdn = LoopbackWireMock.started();
    private final byte[] video;

    public FakeVeo() {
        video = TinyMp4.render();
    }

    public WireMockServer api() {
        return api;
    }

    public WireMockServer cdn() {
        return cdn;
    }

    /** Points a test server's veo engine at this fake, polled every 100 ms on a 50 ms upstream tick. */
    public void configure(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("reelgate.engine.veo.api-key", () -> KEY);
        registry.add("reelgate.engine.veo.base-url", this::baseUrl);
        registry.add("reelgate.engine.veo.poll-interval", () -> "100ms");
        registry.add("reelgate.upstream.tick", () -> "50ms");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + api.port() + "/v1beta";
    }

    public static String createPath(String model) {
        return "/v1beta/models/" + model + ":predictLongRunning";
    }

    public static String operationName(String model, String id) {
        return "models/" + model + "/operations/" + id;
    }

    /** Creates with this prompt answer each of {@code answers} once, then the last one forever. */
    public void createAnswers(String model, String prompt, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(api, "create-" + prompt, () -> post(urlEqualTo(createPath(model)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo(prompt))), answers);
    }

    /** A create of {@code model} with this prompt answers operation {@code id}. */
    public void acceptCreate(String model, String prompt, String id) {
        createAnswers(model, prompt, okJson("{\"name\":\"" + operationName(model, id) + "\"}"));
    }

    /** Reads of operation {@code id} answer each body once, the last one forever. */
    public void operationAnswers(String model, String id, ResponseDefinitionBuilder... answers) {
        StubSequence.inOrder(api, "operation-" + id, () -> get(urlEqualTo("/v1beta/" + operationName(model, id))),
                answers);
    }

    public static ResponseDefinitionBuilder running(String model, String id) {
        return okJson("{\"name\":\"" + operationName(model, id) + "\"}");
    }

    /** Done with one sample whose uri is on the API host and redirects (302) to the CDN. */
    public ResponseDefinitionBuilder done(String model, String id) {
        String file = "file" + id.replaceAll("[^a-z0-9]", "");
        api.stubFor(get(urlEqualTo("/v1beta/files/" + file + ":download?alt=media")).willReturn(aResponse()
                .withStatus(302).withHeader("Location", cdnUrl("/blobs/" + file + ".mp4"))));
        LoopbackWireMock.serve(cdn, urlEqualTo("/blobs/" + file + ".mp4"), video, "video/mp4");
        return okJson("{\"name\":\"" + operationName(model, id) + "\",\"done\":true,\"response\":{\"@type\":"
                + "\"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse\","
                + "\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"" + baseUrl() + "/files/"
                + file + ":download?alt=media\"}}]}}}");
    }

    public static ResponseDefinitionBuilder filtered(String model, String id) {
        return okJson("{\"name\":\"" + operationName(model, id) + "\",\"done\":true,\"response\":{"
                + "\"generateVideoResponse\":{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":"
                + "[\"Your prompt was blocked.\"]}}}");
    }

    public static ResponseDefinitionBuilder operationError(String model, String id, int code, String message) {
        return okJson("{\"name\":\"" + operationName(model, id) + "\",\"done\":true,\"error\":{\"code\":" + code
                + ",\"message\":\"" + message + "\"}}");
    }

    /** A google.rpc error envelope; {@code details} is a JSON array or {@code null}. */
    public static ResponseDefinitionBuilder error(int status, String rpcStatus, String message, String details) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\""
                        + rpcStatus + "\"" + (details == null ? "" : ",\"details\":" + details) + "}}");
    }

    public static String retryInfo(String delay) {
        return "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + delay + "\"}]";
    }

    public String cdnUrl(String path) {
        return "http://127.0.0.1:" + cdn.port() + path;
    }

    /** Publishes bytes (an input image a user points at) on the CDN server and returns the URL. */
    public String serve(String path, byte[] body, String contentType) {
        LoopbackWireMock.serve(cdn, urlEqualTo(path), body, contentType);
        return cdnUrl(path);
    }

    @Override
    public void close() {
        api.stop();
        cdn.stop();
    }
}
