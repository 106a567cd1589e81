package io.reelgate.server.engine.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The runway engine against WireMock playing Runway's API over a real socket: the exact requests per task kind,
 * status mapping, retries, the upstream deadline, cancel and failover. Its own server: every kind is routed to
 * runway here, with short poll intervals and backoffs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunwayEngineEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-runway-");
    private static final FakeRunway RUNWAY = new FakeRunway();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private KieHttp kie;

    @DynamicPropertySource
    static void runwayEverywhere(DynamicPropertyRegistry registry) {
        RUNWAY.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "runway").backoffUpTo("100ms").deadline("4s")
                .routes("generate", "extend", "aleph").unlimitedRates()
                .set("routing.failover.generate", "runway,preview")
                // legacy KIE model names can pick the engine: this one stays offline on the preview engine
                .set("routing.models.runway-duration-5-generate", "preview");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @Test
    void aLegacyModelValueRoutesItsTaskToTheConfiguredEngine() {
        String routed = kie.generate("{\"prompt\":\"offline please\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"4:3\",\"model\":\"runway-duration-5-generate\"}");

        assertThat(kie.awaitTerminal(routed, java.time.Duration.ofSeconds(60)).get("state").asString()).isEqualTo("success");
        assertThat(kie.get("/api/v1/tasks/" + routed).data().get("engine").asString()).isEqualTo("preview");
        // without the model the same request goes to runway, which refuses 4:3 for its text-to-video model
        assertThat(kie.postJson("/api/v1/runway/generate", "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"4:3\"}").code()).isEqualTo(422);
    }

    @Test
    void registryModelsRouteToTheirFirstRunningEngine() throws Exception {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-0000000000aa";
        RUNWAY.acceptCreate("text_to_video", "a market kite", id);
        RUNWAY.taskAnswers(id, FakeRunway.running(id, 0.5), RUNWAY.succeeded(id));

        KieHttp.Answer runwayModel = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"runway\",\"input\":"
                + "{\"prompt\":\"a market kite\",\"duration\":5,\"quality\":\"720p\",\"aspect_ratio\":\"16:9\"}}");
        KieHttp.Answer klingModel = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"kling-2.6/text-to-video\","
                + "\"input\":{\"prompt\":\"offline\",\"sound\":false,\"duration\":\"5\"}}");

        String runwayTask = runwayModel.data().get("taskId").asString();
        String klingTask = klingModel.data().get("taskId").asString();
        assertThat(kie.get("/api/v1/tasks/" + runwayTask).data().get("engine").asString()).isEqualTo("runway");
        assertThat(kie.get("/api/v1/tasks/" + klingTask).data().get("engine").asString()).isEqualTo("preview");
        JsonNode done = io.reelgate.server.testsupport.Await.until(TIMEOUT, "the runway model's task ends",
                () -> kie.get("/api/v1/jobs/recordInfo?taskId=" + runwayTask).data(),
                r -> r.get("state").asString().equals("success") || r.get("state").asString().equals("fail"));
        assertThat(done.get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(1, runwayRequest(postRequestedFor(urlEqualTo("/v1/text_to_video")))
                .withRequestBody(equalToJson("{\"model\":\"gen4.5\",\"promptText\":\"a market kite\","
                        + "\"ratio\":\"1280:720\",\"duration\":5}")));
    }

    @AfterAll
    static void stopRunway() {
        RUNWAY.close();
    }

    @Test
    void textToVideoWalksPendingThrottledRunningSucceededAndStoresAnH264Copy() throws Exception {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000001";
        RUNWAY.acceptCreate("text_to_video", "a paper boat", id);
        RUNWAY.taskAnswers(id, FakeRunway.status(id, "PENDING"), FakeRunway.status(id, "THROTTLED"),
                FakeRunway.running(id, 0.42), RUNWAY.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"a paper boat\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\",\"waterMark\":\"reelgate\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(1, runwayRequest(postRequestedFor(urlEqualTo("/v1/text_to_video")))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"model\":\"gen4.5\",\"promptText\":\"a paper boat\","
                        + "\"ratio\":\"1280:720\",\"duration\":5}")));
        assertThat(RUNWAY.server().findAll(runwayRequest(getRequestedFor(urlEqualTo("/v1/tasks/" + id))))).hasSize(4);
        Path video = DATA_DIR.resolve("t2v.mp4");
        kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probeOutputFormat(video);
        assertThat(info.width()).isEqualTo(TinyMp4.WIDTH);
        assertThat(info.decodedFrames()).isEqualTo(TinyMp4.FRAMES);
        JsonNode view = kie.get("/api/v1/tasks/" + taskId).data();
        assertThat(view.get("engine").asString()).isEqualTo("runway");
        assertThat(view.get("progress").asInt()).isEqualTo(100);
    }

    @Test
    void imageToVideoSendsTheImageAsDataUriWithTheRatioNearestItsShape() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000002";
        String image = RUNWAY.serve("/inputs/cat.png", ImageHost.png(400, 300), "image/png");
        RUNWAY.acceptCreate("image_to_video", "the cat turns", id);
        RUNWAY.taskAnswers(id, RUNWAY.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"the cat turns\",\"duration\":10,\"quality\":\"720p\","
                + "\"imageUrl\":\"" + image + "\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(1, runwayRequest(postRequestedFor(urlEqualTo("/v1/image_to_video")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gen4_turbo")))
                .withRequestBody(matchingJsonPath("$.ratio", equalTo("1104:832")))
                .withRequestBody(matchingJsonPath("$.duration", equalTo("10")))
                .withRequestBody(matchingJsonPath("$.promptImage[0].position", equalTo("first")))
                .withRequestBody(matchingJsonPath("$.promptImage[0].uri", matching("data:image/png;base64,iVBOR.*"))));
    }

    @Test
    void extendSendsTheParentsLastFrameToImageToVideo() {
        String parentId = "5a1d2c3e-7f80-4b1a-9c2d-000000000003";
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000004";
        RUNWAY.acceptCreate("text_to_video", "parent clip", parentId);
        RUNWAY.taskAnswers(parentId, RUNWAY.succeeded(parentId));
        RUNWAY.acceptCreate("image_to_video", "and then it rains", id);
        RUNWAY.taskAnswers(id, FakeRunway.running(id, 0.5), RUNWAY.succeeded(id));
        String parent = kie.generate("{\"prompt\":\"parent clip\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        assertThat(kie.awaitTerminal(parent, TIMEOUT).get("state").asString()).isEqualTo("success");

        Answer extend = kie.postJson("/api/v1/runway/extend", "{\"taskId\":\"" + parent + "\",\"prompt\":\"and then it rains\","
                + "\"quality\":\"720p\"}");
        String taskId = extend.data().get("taskId").asString();
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(detail.get("generateParam").get("imageUrl").asString()).endsWith("-start.jpg");
        RUNWAY.server().verify(1, runwayRequest(postRequestedFor(urlEqualTo("/v1/image_to_video")))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo("and then it rains")))
                .withRequestBody(matchingJsonPath("$.ratio", equalTo("1280:720")))
                .withRequestBody(matchingJsonPath("$.duration", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.promptImage[0].uri", matching("data:image/jpeg;base64,/9j/.*"))));
    }

    @Test
    void alephSendsTheSourceVideoToVideoToVideoWithTargetRatioAndSeed() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000005";
        String source = RUNWAY.serve("/inputs/source.mp4", RUNWAY.video(), "video/mp4");
        RUNWAY.acceptCreate("video_to_video", "make it snow", id);
        RUNWAY.taskAnswers(id, FakeRunway.status(id, "PENDING"), RUNWAY.succeeded(id));

        Answer submitted = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"make it snow\",\"videoUrl\":\""
                + source + "\",\"aspectRatio\":\"16:9\",\"seed\":42}");
        String taskId = submitted.data().get("taskId").asString();
        JsonNode view = awaitView(taskId);

        assertThat(view.get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(1, runwayRequest(postRequestedFor(urlEqualTo("/v1/video_to_video")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("aleph2")))
                .withRequestBody(matchingJsonPath("$.videoUri", matching("data:video/mp4;base64,.*")))
                .withRequestBody(matchingJsonPath("$.targetAspectRatio", equalTo("16:9")))
                .withRequestBody(matchingJsonPath("$.seed", equalTo("42"))));
        JsonNode info = kie.get("/api/v1/aleph/record-info?taskId=" + taskId).data();
        assertThat(info.get("successFlag").asInt()).isEqualTo(1);
    }

    @Test
    void upstreamFailureFailsTheTaskWithTheMappedCode() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000006";
        RUNWAY.acceptCreate("text_to_video", "something refused", id);
        RUNWAY.taskAnswers(id, FakeRunway.running(id, 0.1),
                FakeRunway.failed(id, "An input did not pass content moderation.", "SAFETY.INPUT.TEXT"));

        String taskId = kie.generate("{\"prompt\":\"something refused\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 400, "The input was rejected by content moderation (SAFETY.INPUT.TEXT)");
        RUNWAY.server().verify(0, deleteRequestedFor(urlEqualTo("/v1/tasks/" + id)));
    }

    @Test
    void createAnswered429IsRetriedAndThenSucceeds() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000007";
        RUNWAY.createAnswers("text_to_video", "busy day", FakeRunway.error(429, "Daily generation limit reached")
                .withHeader("Retry-After", "0"), WireMock.okJson("{\"id\":\"" + id + "\"}"));
        RUNWAY.taskAnswers(id, RUNWAY.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"busy day\",\"duration\":8,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(2, postRequestedFor(urlEqualTo("/v1/text_to_video"))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo("busy day"))));
    }

    @Test
    void serverErrorsAreRetriedOnCreateAndOnPoll() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000008";
        RUNWAY.createAnswers("text_to_video", "shaky upstream", FakeRunway.error(500, "Internal"),
                FakeRunway.error(502, "Bad gateway"), WireMock.okJson("{\"id\":\"" + id + "\"}"));
        RUNWAY.taskAnswers(id, FakeRunway.error(503, "Unavailable"), FakeRunway.error(500, "Internal"),
                RUNWAY.succeeded(id));

        String taskId = kie.generate("{\"prompt\":\"shaky upstream\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        RUNWAY.server().verify(3, postRequestedFor(urlEqualTo("/v1/text_to_video"))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo("shaky upstream"))));
        RUNWAY.server().verify(3, getRequestedFor(urlEqualTo("/v1/tasks/" + id)));
    }

    @Test
    void taskPastTheUpstreamDeadlineIsCancelledUpstreamAndFailed() {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000009";
        RUNWAY.acceptCreate("text_to_video", "never ends", id);
        RUNWAY.taskAnswers(id, FakeRunway.running(id, 0.3));

        String taskId = kie.generate("{\"prompt\":\"never ends\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 500, "Generation timed out: runway did not finish within 4 seconds");
        RUNWAY.server().verify(1, runwayRequest(deleteRequestedFor(urlEqualTo("/v1/tasks/" + id))));
    }

    @Test
    void cancellingOurTaskCancelsTheUpstreamTask() throws Exception {
        String id = "5a1d2c3e-7f80-4b1a-9c2d-000000000010";
        RUNWAY.acceptCreate("text_to_video", "cancel me", id);
        RUNWAY.taskAnswers(id, FakeRunway.running(id, 0.2));
        String taskId = kie.generate("{\"prompt\":\"cancel me\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> !RUNWAY.server().findAll(getRequestedFor(urlEqualTo("/v1/tasks/" + id))).isEmpty());

        Answer cancelled = kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}");

        assertThat(cancelled.code()).isEqualTo(200);
        awaitUntil(() -> !RUNWAY.server().findAll(deleteRequestedFor(urlEqualTo("/v1/tasks/" + id))).isEmpty());
        assertThat(kie.detail(taskId).get("failMsg").asString()).isEqualTo("Task was cancelled");
    }

    @Test
    void runwayAnswering503RepeatedlyFailsOverToPreview() {
        RUNWAY.createAnswers("text_to_video", "failover please", FakeRunway.error(503, "Service unavailable"));

        String taskId = kie.generate("{\"prompt\":\"failover please\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(kie.get("/api/v1/tasks/" + taskId).data().get("engine").asString()).isEqualTo("preview");
        // the first try and max-retries (3) more
        RUNWAY.server().verify(4, postRequestedFor(urlEqualTo("/v1/text_to_video"))
                .withRequestBody(matchingJsonPath("$.promptText", equalTo("failover please"))));
    }

    @Test
    void combinationsRunwayCannotDoAreRefusedAtSubmit() {
        Answer ratio = kie.postJson("/api/v1/runway/generate",
                "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"4:3\"}");
        Answer quality = kie.postJson("/api/v1/runway/generate",
                "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"1080p\",\"aspectRatio\":\"16:9\"}");
        Answer reference = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/a.mp4\","
                + "\"referenceImage\":\"https://example.com/style.png\"}");

        assertThat(ratio.code()).isEqualTo(422);
        assertThat(ratio.msg()).isEqualTo("aspectRatio 4:3 is not available with the runway engine (model gen4.5 supports 16:9, 9:16)");
        assertThat(quality.code()).isEqualTo(422);
        assertThat(quality.msg()).isEqualTo("quality 1080p is not available with the runway engine (model gen4.5 outputs 720p)");
        assertThat(reference.code()).isEqualTo(422);
        assertThat(reference.msg()).startsWith("referenceImage is not available with the runway engine (model aleph2");
    }

    private static RequestPatternBuilder runwayRequest(RequestPatternBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + FakeRunway.SECRET))
                .withHeader("X-Runway-Version", equalTo(FakeRunway.VERSION));
    }

    private JsonNode awaitView(String taskId) {
        return Await.until(TIMEOUT, "task " + taskId + " not terminal after " + TIMEOUT,
                () -> kie.get("/api/v1/tasks/" + taskId).data(),
                view -> view.get("state").asString().equals("success") || view.get("state").asString().equals("fail"));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Await.until(TIMEOUT, "condition not met within " + TIMEOUT, condition::getAsBoolean);
    }
}
