package io.reelgate.server.engine.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeReplicate;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The replicate engine against WireMock playing Replicate's predictions API over a real socket: the exact create
 * (path, auth, Cancel-After, body with the webhook), the status walk with progress and usage, a decoded MP4, failure
 * mapping, 429 retries, a create whose outcome is unknown reconciled instead of re-sent, cancel, the deadline,
 * signed webhooks, and the token kept out of everything Reelgate shows or stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicateEngineEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-replicate-");
    private static final FakeReplicate REPLICATE = new FakeReplicate();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DEFAULT_CREATE = "/models/bytedance/seedance-1-pro/predictions";
    private static final String PUBLIC_BASE = "https://gateway.example";

    @LocalServerPort
    int port;

    private KieHttp kie;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void replicateEverywhere(DynamicPropertyRegistry registry) {
        REPLICATE.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "replicate").backoffUpTo("1s").deadline("5s")
                .routes("generate").unlimitedRates()
                .engine("webhook-poll-interval", "100ms").set("upstream.tick", "50ms")
                .set("api.public-base-url", PUBLIC_BASE).set("routing.failover.generate", "replicate,preview");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopReplicate() {
        REPLICATE.close();
    }

    @Test
    void textToVideoSendsOneCreateWalksStartingProcessingSucceededAndStoresAnH264Copy() throws Exception {
        String id = "gm3qorzdhgbfurvjtvhg6dckhu";
        REPLICATE.createAnswers(DEFAULT_CREATE, "a paper boat", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, FakeReplicate.status(id, "starting"),
                FakeReplicate.processing(id, " 42%|####      | 42/100"), REPLICATE.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"a paper boat\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\",\"waterMark\":\"reelgate\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1" + DEFAULT_CREATE)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Cancel-After", equalTo("5s"))
                .withoutHeader("Prefer")
                .withRequestBody(equalToJson("{\"input\":{\"prompt\":\"a paper boat\",\"duration\":5,"
                        + "\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"},\"webhook\":\"" + PUBLIC_BASE
                        + "/webhooks/replicate/" + taskId + "\",\"webhook_events_filter\":[\"start\",\"completed\"]}")));
        assertThat(REPLICATE.server().findAll(authorized(getRequestedFor(urlEqualTo("/v1/predictions/" + id)))))
                .hasSize(3);
        Path video = DATA_DIR.resolve("t2v.mp4");
        // file URLs are on the public base URL, which is what Replicate is given for webhooks
        kie.download(detail.get("videoInfo").get("videoUrl").asString().replace(PUBLIC_BASE, "http://127.0.0.1:" + port),
                video);
        VideoProbe.Info info = VideoProbe.probeOutputFormat(video);
        assertThat(info.width()).isEqualTo(TinyMp4.WIDTH);
        assertThat(info.decodedFrames()).isEqualTo(TinyMp4.FRAMES);
        JsonNode view = kie.get("/api/v1/tasks/" + taskId).data();
        assertThat(view.get("engine").asString()).isEqualTo("replicate");
        assertThat(view.get("upstream").get("usage").get("predictSeconds").asDouble()).isEqualTo(82.01);
        assertThat(view.get("upstream").get("usage").get("totalSeconds").asDouble()).isEqualTo(88.03);
    }

    @Test
    void processingReportsTheProgressItsLogsShow() {
        String id = "zz4ibbonubfz7carwiefibzgga";
        REPLICATE.createAnswers(DEFAULT_CREATE, "slow tide", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, FakeReplicate.processing(id, "step 1\\n 37%|###       | 37/100"));

        String taskId = kie.generate("{\"prompt\":\"slow tide\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        JsonNode view = Await.until(TIMEOUT, "progress from the logs", () -> kie.get("/api/v1/tasks/" + taskId).data(),
                v -> v.path("progress").asInt() == 37);
        assertThat(view.get("state").asString()).isEqualTo("generating");
        kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}");
    }

    @Test
    void imageToVideoSendsTheFetchedImageAsDataUri() {
        String id = "q5r6s7t8u9v0w1x2y3z4a5b6c7";
        String image = REPLICATE.server().baseUrl() + "/inputs/cat.png";
        REPLICATE.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/inputs/cat.png"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "image/png").withBody(io.reelgate.server.testsupport.ImageHost
                                .png(400, 300))));
        REPLICATE.createAnswers(DEFAULT_CREATE, "the cat turns", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, REPLICATE.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"the cat turns\",\"duration\":10,\"quality\":\"720p\","
                + "\"imageUrl\":\"" + image + "\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1" + DEFAULT_CREATE)))
                .withRequestBody(matchingJsonPath("$.input.image",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("data:image/png;base64,iVBOR.*")))
                .withRequestBody(matchingJsonPath("$.input.duration", equalTo("10"))));
    }

    @Test
    void registryModelsSendTheirRoutesCreateInReplicatesNamesAndTypes() {
        String kling = "k1b2c3d4e5f6g7h8i9j0k1l2m3";
        String hailuo = "m1b2c3d4e5f6g7h8i9j0k1l2m3";
        String image = REPLICATE.server().baseUrl() + "/inputs/start.png";
        REPLICATE.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/inputs/start.png"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "image/png").withBody(io.reelgate.server.testsupport.ImageHost
                                .png(320, 180))));
        REPLICATE.createAnswers("/models/kwaivgi/kling-v2.1/predictions", "kling walks", FakeReplicate.created(kling));
        REPLICATE.predictionAnswers(kling, REPLICATE.succeeded(kling));
        REPLICATE.createAnswers("/models/minimax/hailuo-02/predictions", "hailuo waves", FakeReplicate.created(hailuo));
        REPLICATE.predictionAnswers(hailuo, REPLICATE.succeeded(hailuo));

        String klingTask = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling/v2-1-standard\",\"input\":"
                + "{\"prompt\":\"kling walks\",\"image_url\":\"" + image + "\",\"duration\":\"10\"}}").data()
                .get("taskId").asString();
        String hailuoTask = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"hailuo/02-text-to-video-standard\","
                + "\"input\":{\"prompt\":\"hailuo waves\",\"duration\":\"6\"}}").data().get("taskId").asString();

        Await.until(TIMEOUT, "both routed tasks end", () -> Stream.of(klingTask, hailuoTask)
                .allMatch(t -> kie.get("/api/v1/tasks/" + t).data().get("state").asString().equals("success")));
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1/models/kwaivgi/kling-v2.1/predictions")))
                .withRequestBody(matchingJsonPath("$.input.start_image",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("data:image/png;base64,iVBOR.*")))
                .withRequestBody(matchingJsonPath("$.input.prompt", equalTo("kling walks")))
                .withRequestBody(matchingJsonPath("$.input.mode", equalTo("standard")))
                .withRequestBody(matchingJsonPath("$.input.duration", equalTo("10"))));
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1/models/minimax/hailuo-02/predictions")))
                .withRequestBody(equalToJson("{\"input\":{\"prompt\":\"hailuo waves\",\"duration\":6,"
                        + "\"resolution\":\"768p\"},\"webhook\":\"" + PUBLIC_BASE + "/webhooks/replicate/" + hailuoTask
                        + "\",\"webhook_events_filter\":[\"start\",\"completed\"]}")));
    }

    @Test
    void seedance2SendsReferenceVideosAndAudioAsDataUrisOfTheirTypes() {
        String id = "s2b2c3d4e5f6g7h8i9j0k1l2m3";
        String video = serveInput("/inputs/dance.mp4", "video/mp4", io.reelgate.server.testsupport.TinyMp4.render(64, 64, 4));
        byte[] mp3 = new byte[64];
        System.arraycopy(new byte[] {'I', 'D', '3', 4, 0, 0}, 0, mp3, 0, 6);
        String audio = serveInput("/inputs/beat.mp3", "audio/mpeg", mp3);
        REPLICATE.createAnswers("/models/bytedance/seedance-2.0/predictions", "[Video1] to [Audio1]",
                FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, REPLICATE.succeeded(id));

        String task = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"bytedance/seedance-2\",\"input\":"
                + "{\"prompt\":\"[Video1] to [Audio1]\",\"reference_video_urls\":[\"" + video + "\"],"
                + "\"reference_audio_urls\":[\"" + audio + "\"],\"duration\":4}}").data().get("taskId").asString();

        Await.until(TIMEOUT, "the Seedance 2 task ends", () -> kie.get("/api/v1/tasks/" + task).data().get("state")
                .asString().equals("success"));
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1/models/bytedance/seedance-2.0/predictions")))
                .withRequestBody(matchingJsonPath("$.input.reference_videos[0]",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("data:video/mp4;base64,.*")))
                .withRequestBody(matchingJsonPath("$.input.reference_audios[0]",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("data:audio/mpeg;base64,SUQz.*")))
                .withRequestBody(matchingJsonPath("$.input.duration", equalTo("4"))));
    }

    private static String serveInput(String path, String contentType, byte[] body) {
        REPLICATE.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(path))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", contentType).withBody(body)));
        return REPLICATE.server().baseUrl() + path;
    }

    @Test
    void failedPredictionsFailTheTaskWithOurMessageAndTheMappedCode() {
        String refused = "a1b2c3d4e5f6g7h8i9j0k1l2m3";
        String broken = "b1b2c3d4e5f6g7h8i9j0k1l2m3";
        REPLICATE.createAnswers(DEFAULT_CREATE, "something refused", FakeReplicate.created(refused));
        REPLICATE.predictionAnswers(refused, FakeReplicate.failed(refused, "NSFW content detected in the prompt"));
        REPLICATE.createAnswers(DEFAULT_CREATE, "cuda trouble", FakeReplicate.created(broken));
        REPLICATE.predictionAnswers(broken, FakeReplicate.failed(broken, "CUDA out of memory at /srv/model.py"));

        JsonNode moderated = kie.awaitTerminal(kie.generate("{\"prompt\":\"something refused\",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}"), TIMEOUT);
        JsonNode internal = kie.awaitTerminal(kie.generate("{\"prompt\":\"cuda trouble\",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}"), TIMEOUT);

        assertThat(moderated.get("failCode").asInt()).isEqualTo(400);
        assertThat(moderated.get("failMsg").asString())
                .isEqualTo("The input or the generated video was rejected by content moderation");
        assertThat(internal.get("failCode").asInt()).isEqualTo(500);
        assertThat(internal.get("failMsg").asString()).isEqualTo("Generation failed upstream, please try again later");
    }

    @Test
    void inputValidationAt422IsTheUsersInput() {
        REPLICATE.createAnswers(DEFAULT_CREATE, "bad input", FakeReplicate.error(422, "- input: duration must be one of 5, 10"));

        JsonNode detail = kie.awaitTerminal(kie.generate("{\"prompt\":\"bad input\",\"duration\":8,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}"), TIMEOUT);

        assertThat(detail.get("failCode").asInt()).isEqualTo(400);
        assertThat(detail.get("failMsg").asString()).isEqualTo("Replicate refused the task input");
    }

    @Test
    void createAnswered429IsRetriedAfterRetryAfterAndThenSucceeds() {
        String id = "c1b2c3d4e5f6g7h8i9j0k1l2m3";
        REPLICATE.createAnswers(DEFAULT_CREATE, "busy day",
                FakeReplicate.error(429, "Request was throttled. Expected available in 1 second.").withHeader("Retry-After", "1"),
                FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, REPLICATE.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"busy day\",\"duration\":8,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        var creates = REPLICATE.server().findAll(postRequestedFor(urlEqualTo("/v1" + DEFAULT_CREATE))
                .withRequestBody(matchingJsonPath("$.input.prompt", equalTo("busy day"))));
        assertThat(creates).hasSize(2);
        // Retry-After: 1 is honoured (the configured backoff alone would be 20 ms)
        assertThat(Duration.between(creates.get(0).getLoggedDate().toInstant(), creates.get(1).getLoggedDate()
                .toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void createAnswered5xxIsReconciledThroughTheWebhookUrlInsteadOfSentAgain() {
        String id = "d1b2c3d4e5f6g7h8i9j0k1l2m3";
        // the 502 comes late, so the listing below (which needs the task id) is in place before the engine reconciles
        REPLICATE.createAnswers(DEFAULT_CREATE, "did it start", FakeReplicate.error(502, "Bad gateway")
                .withFixedDelay(3000));
        REPLICATE.predictionAnswers(id, REPLICATE.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"did it start\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        REPLICATE.recentPredictions(FakeReplicate.prediction("e0000000000000000000000000", "starting",
                ",\"webhook\":\"" + PUBLIC_BASE + "/webhooks/replicate/another-task\""),
                FakeReplicate.prediction(id, "starting", ",\"webhook\":\"" + PUBLIC_BASE + "/webhooks/replicate/" + taskId + "\""));

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        assertThat(kie.get("/api/v1/tasks/" + taskId).data().get("engine").asString()).isEqualTo("replicate");
        REPLICATE.server().verify(1, postRequestedFor(urlEqualTo("/v1" + DEFAULT_CREATE))
                .withRequestBody(matchingJsonPath("$.input.prompt", equalTo("did it start"))));
        REPLICATE.server().verify(authorized(getRequestedFor(urlPathEqualTo("/v1/predictions"))));
    }

    @Test
    void cancellingOurTaskCancelsThePrediction() {
        String id = "f1b2c3d4e5f6g7h8i9j0k1l2m3";
        REPLICATE.createAnswers(DEFAULT_CREATE, "cancel me", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, FakeReplicate.processing(id, ""));
        String taskId = kie.generate("{\"prompt\":\"cancel me\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> !REPLICATE.server().findAll(getRequestedFor(urlEqualTo("/v1/predictions/" + id))).isEmpty());

        assertThat(kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}").code()).isEqualTo(200);

        awaitUntil(() -> !REPLICATE.server().findAll(authorized(postRequestedFor(
                urlEqualTo("/v1/predictions/" + id + "/cancel")))).isEmpty());
        assertThat(kie.detail(taskId).get("failMsg").asString()).isEqualTo("Task was cancelled");
    }

    @Test
    void predictionPastTheDeadlineIsCancelledUpstreamAndFailed() {
        String id = "g1b2c3d4e5f6g7h8i9j0k1l2m3";
        REPLICATE.createAnswers(DEFAULT_CREATE, "never ends", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, FakeReplicate.status(id, "starting"));

        JsonNode detail = kie.awaitTerminal(kie.generate("{\"prompt\":\"never ends\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}"), TIMEOUT);

        assertThat(detail.get("failCode").asInt()).isEqualTo(500);
        assertThat(detail.get("failMsg").asString()).isEqualTo("Generation timed out: replicate did not finish within 5 seconds");
        REPLICATE.server().verify(1, authorized(postRequestedFor(urlEqualTo("/v1/predictions/" + id + "/cancel"))));
    }

    @Test
    void webhooksWithAGoodSignatureAreAcceptedAndForgedOrOldOnesRefused() throws Exception {
        String id = "h1b2c3d4e5f6g7h8i9j0k1l2m3";
        REPLICATE.createAnswers(DEFAULT_CREATE, "call me back", FakeReplicate.created(id));
        REPLICATE.predictionAnswers(id, FakeReplicate.processing(id, ""));
        String taskId = kie.generate("{\"prompt\":\"call me back\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> !REPLICATE.server().findAll(getRequestedFor(urlEqualTo("/v1/predictions/" + id))).isEmpty());
        byte[] body = FakeReplicate.prediction(id, "processing", "").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        int good = deliver(taskId, body, "msg_1", now, "v1,bogus v1," + sign("msg_1", now, body));
        int forged = deliver(taskId, body, "msg_2", now, "v1," + Base64.getEncoder().encodeToString(new byte[32]));
        int old = deliver(taskId, body, "msg_3", now - 600, "v1," + sign("msg_3", now - 600, body));
        int tampered = deliver(taskId, "{\"id\":\"other\"}".getBytes(StandardCharsets.UTF_8), "msg_1", now,
                "v1," + sign("msg_1", now, body));

        assertThat(good).isEqualTo(200);
        assertThat(forged).isEqualTo(401);
        assertThat(old).isEqualTo(401);
        assertThat(tampered).isEqualTo(401);
        kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}");
    }

    @Test
    void theTokenAppearsNowhereReelgateShowsOrStores() throws Exception {
        REPLICATE.createAnswers(DEFAULT_CREATE, "unauthorised", FakeReplicate.error(401,
                "You did not pass a valid authentication token " + FakeReplicate.TOKEN));
        JsonNode failed = kie.awaitTerminal(kie.generate("{\"prompt\":\"unauthorised\",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}"), TIMEOUT);

        assertThat(failed.toString()).doesNotContain(FakeReplicate.TOKEN).doesNotContain(FakeReplicate.WEBHOOK_SECRET);
        assertThat(failed.get("failMsg").asString()).isEqualTo("Generation failed, please try again later");
        String apiDocs = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(apiDocs).doesNotContain(FakeReplicate.TOKEN).doesNotContain(FakeReplicate.WEBHOOK_SECRET);
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(FakeReplicate.TOKEN)
                        .doesNotContain(FakeReplicate.WEBHOOK_SECRET.substring(6));
            }
        }
    }

    private int deliver(String taskId, byte[] body, String id, long timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/replicate/" + taskId))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static String sign(String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(FakeReplicate.WEBHOOK_SECRET.substring(6)), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static RequestPatternBuilder authorized(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + FakeReplicate.TOKEN));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Await.until(TIMEOUT, "condition not met within " + TIMEOUT, condition::getAsBoolean);
    }
}
