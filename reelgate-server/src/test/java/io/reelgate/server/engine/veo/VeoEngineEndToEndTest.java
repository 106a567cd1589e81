package io.reelgate.server.engine.veo;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeVeo;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.StoredValues;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The veo engine against WireMock playing the Gemini API over a real socket: the exact creates per task kind and
 * model, the operation walk, the key-safe download, failure mapping, retries, deadline and cancel. KIE Runway tasks
 * are routed to veo here; registry models reach it through their routes.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VeoEngineEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-veo-");
    private static final FakeVeo VEO = new FakeVeo();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FAST = "veo-3.1-fast-generate-preview";
    private static final String QUALITY = "veo-3.1-generate-preview";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private KieHttp kie;

    @DynamicPropertySource
    static void veoEverywhere(DynamicPropertyRegistry registry) {
        VEO.configure(registry);
        // input images, file redirects and the CDN are on loopback
        HostedEngineProperties.of(registry, DATA_DIR, "veo").backoffUpTo("300ms").deadline("4s")
                .engine("request-timeout", "3s").routes("generate", "extend").unlimitedRates();
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopVeo() {
        VEO.close();
    }

    @Test
    void kieVeoTextToVideoWalksTheOperationAndStoresAnH264CopyWithUsage() throws Exception {
        String op = "t2vop1";
        VEO.acceptCreate(FAST, "a glass city", op);
        VEO.operationAnswers(FAST, op, FakeVeo.running(FAST, op), FakeVeo.running(FAST, op), VEO.done(FAST, op));

        String taskId = submitVeo("{\"prompt\":\"a glass city\",\"model\":\"veo3_fast\",\"aspectRatio\":\"9:16\","
                + "\"duration\":6,\"seeds\":12345}");
        JsonNode view = awaitView(taskId);

        assertThat(view.get("state").asString()).isEqualTo("success");
        assertThat(view.get("engine").asString()).isEqualTo("veo");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withHeader(FakeVeo.KEY_HEADER, equalTo(FakeVeo.KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                // no seed: the Gemini API has none
                .withRequestBody(equalToJson("{\"instances\":[{\"prompt\":\"a glass city\"}],\"parameters\":"
                        + "{\"aspectRatio\":\"9:16\",\"resolution\":\"720p\",\"durationSeconds\":6,"
                        + "\"personGeneration\":\"allow_all\"}}")));
        assertThat(VEO.api().findAll(getRequestedFor(urlEqualTo("/v1beta/" + FakeVeo.operationName(FAST, op)))
                .withHeader(FakeVeo.KEY_HEADER, equalTo(FakeVeo.KEY)))).hasSize(3);
        // the file endpoint gets the key, the host it redirects to does not
        VEO.api().verify(1, getRequestedFor(urlEqualTo("/v1beta/files/filet2vop1:download?alt=media"))
                .withHeader(FakeVeo.KEY_HEADER, equalTo(FakeVeo.KEY)));
        VEO.cdn().verify(1, getRequestedFor(urlEqualTo("/blobs/filet2vop1.mp4")).withHeader(FakeVeo.KEY_HEADER, absent()));
        assertThat(view.get("upstream").get("usage").get("videoSeconds").asInt()).isEqualTo(6);
        assertThat(view.get("upstream").get("usage").get("model").asString()).isEqualTo(FAST);
        Path video = DATA_DIR.resolve("veo-t2v.mp4");
        kie.download(view.get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probeOutputFormat(video);
        assertThat(info.width()).isEqualTo(TinyMp4.WIDTH);
        assertThat(info.height()).isEqualTo(TinyMp4.HEIGHT);
        assertThat(info.decodedFrames()).isEqualTo(TinyMp4.FRAMES);
    }

    @Test
    void kieVeoFirstAndLastFramesAreSentInlineAsBase64ToTheQualityModel() {
        String op = "i2vop2";
        String first = VEO.serve("/inputs/first.png", ImageHost.png(64, 36), "image/png");
        String last = VEO.serve("/inputs/last.png", ImageHost.png(64, 36), "image/png");
        VEO.acceptCreate(QUALITY, "from dawn to dusk", op);
        VEO.operationAnswers(QUALITY, op, VEO.done(QUALITY, op));

        String taskId = submitVeo("{\"prompt\":\"from dawn to dusk\",\"model\":\"veo3\",\"aspectRatio\":\"16:9\","
                + "\"generationType\":\"FIRST_AND_LAST_FRAMES_2_VIDEO\",\"imageUrls\":[\"" + first + "\",\"" + last
                + "\"],\"resolution\":\"1080p\"}");

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(QUALITY)))
                .withRequestBody(matchingJsonPath("$.instances[0].image.mimeType", equalTo("image/png")))
                .withRequestBody(matchingJsonPath("$.instances[0].image.bytesBase64Encoded", matching("iVBORw0KGgo.*")))
                .withRequestBody(matchingJsonPath("$.instances[0].lastFrame.bytesBase64Encoded", matching("iVBORw0KGgo.*")))
                .withRequestBody(matchingJsonPath("$.parameters.resolution", equalTo("1080p")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("8")))
                .withRequestBody(matchingJsonPath("$.parameters.personGeneration", equalTo("allow_adult"))));
    }

    @Test
    void marketReferenceImagesAreWrappedAsAssets() {
        String op = "refop3";
        String ref = VEO.serve("/inputs/ref.png", ImageHost.png(40, 40), "image/png");
        VEO.acceptCreate(FAST, "the same mascot", op);
        VEO.operationAnswers(FAST, op, VEO.done(FAST, op));

        KieHttp.Answer answer = kie.postJson("/api/v1/jobs/createTask", "{\"model\":\"veo-3-1\",\"input\":{\"prompt\":"
                + "\"the same mascot\",\"generation_type\":\"REFERENCE_2_VIDEO\",\"image_urls\":[\"" + ref + "\"],"
                + "\"duration\":8}}");
        String taskId = answer.data().get("taskId").asString();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].referenceImages[0].referenceType", equalTo("asset")))
                .withRequestBody(matchingJsonPath("$.instances[0].referenceImages[0].image.mimeType", equalTo("image/png")))
                .withRequestBody(matchingJsonPath("$.instances[0].image", absent()))
                .withRequestBody(matchingJsonPath("$.parameters.aspectRatio", equalTo("16:9"))));
    }

    @Test
    void kieRunwayImageTaskUsesTheDefaultModel() {
        String op = "runwayop4";
        String image = VEO.serve("/inputs/cat.jpg", ImageHost.png(64, 36), "image/png");
        VEO.acceptCreate(FAST, "the cat turns", op);
        VEO.operationAnswers(FAST, op, VEO.done(FAST, op));

        String taskId = kie.generate("{\"prompt\":\"the cat turns\",\"duration\":8,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\",\"imageUrl\":\"" + image + "\"}");

        assertThat(kie.awaitTerminal(taskId, TIMEOUT).get("state").asString()).isEqualTo("success");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].image.bytesBase64Encoded", matching("iVBORw0KGgo.*")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("8"))));
    }

    @Test
    void aKieVeo1080pRenditionIsANewVeoGenerationAtThatResolution() {
        String source = "rendsrc12";
        String rendition = "rendhd13";
        VEO.createAnswers(FAST, "render me larger", WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, source)
                + "\"}"), WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, rendition) + "\"}"));
        VEO.operationAnswers(FAST, source, VEO.done(FAST, source));
        VEO.operationAnswers(FAST, rendition, VEO.done(FAST, rendition));
        String taskId = submitVeo("{\"prompt\":\"render me larger\",\"model\":\"veo3_fast\",\"duration\":8}");
        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");

        KieHttp.Answer ready = Await.until(TIMEOUT, "the 1080p rendition never became ready",
                () -> kie.get("/api/v1/veo/get-1080p-video?taskId=" + taskId), answer -> answer.code() != 400);

        assertThat(ready.code()).as("%s", ready.body()).isEqualTo(200);
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("render me larger")))
                .withRequestBody(matchingJsonPath("$.parameters.resolution", equalTo("1080p")))
                .withRequestBody(matchingJsonPath("$.parameters.durationSeconds", equalTo("8"))));
    }

    @Test
    void aKieVeoExtensionOfAVeoVideoSendsTheParentsVideoUriForVeoToExtend() {
        String parent = finishedFastParent("kiteop20", "a paper kite");
        String extensionOp = "kiteext21";
        VEO.acceptCreate(FAST, "the kite climbs", extensionOp);
        VEO.operationAnswers(FAST, extensionOp, VEO.done(FAST, extensionOp));

        String extension = extendVeo("{\"taskId\":\"" + parent + "\",\"prompt\":\"the kite climbs\",\"model\":\"fast\"}");

        JsonNode view = awaitView(extension);
        assertThat(view.get("state").asString()).as("%s", view).isEqualTo("success");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST))).withRequestBody(equalToJson(
                "{\"instances\":[{\"prompt\":\"the kite climbs\",\"video\":{\"uri\":\"" + VEO.baseUrl()
                        + "/files/filekiteop20:download?alt=media\"}}],\"parameters\":{\"resolution\":\"720p\","
                        + "\"durationSeconds\":8,\"personGeneration\":\"allow_all\"}}")));
    }

    @Test
    void anExtensionWhoseParentVideoVeoRefusesContinuesFromTheLastFrame() {
        String parent = finishedFastParent("oldop22", "an old harbour");
        String extensionOp = "oldext23";
        VEO.createAnswers(FAST, "boats leave", FakeVeo.error(400, "INVALID_ARGUMENT", "Video is expired.", null),
                WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, extensionOp) + "\"}"));
        VEO.operationAnswers(FAST, extensionOp, VEO.done(FAST, extensionOp));

        String extension = extendVeo("{\"taskId\":\"" + parent + "\",\"prompt\":\"boats leave\"}");

        assertThat(awaitView(extension).get("state").asString()).isEqualTo("success");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("boats leave")))
                .withRequestBody(matchingJsonPath("$.instances[0].video.uri")));
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("boats leave")))
                .withRequestBody(matchingJsonPath("$.instances[0].image.bytesBase64Encoded", matching("/9j/.*")))
                .withRequestBody(matchingJsonPath("$.parameters.personGeneration", equalTo("allow_adult"))));
    }

    @Test
    void safetyFilteredOperationFailsWith400AndOurMessage() {
        String op = "raiop5";
        VEO.acceptCreate(FAST, "something filtered", op);
        VEO.operationAnswers(FAST, op, FakeVeo.running(FAST, op), FakeVeo.filtered(FAST, op));

        JsonNode view = awaitView(submitVeo("{\"prompt\":\"something filtered\",\"model\":\"veo3_fast\"}"));

        KieHttp.assertFailed(view, 400,
                "The video was blocked by Google's safety filters; try a different prompt or image");
    }

    @Test
    void operationErrorFailsByItsGrpcCode() {
        String internal = "errop6";
        String invalid = "errop7";
        VEO.acceptCreate(FAST, "upstream breaks", internal);
        VEO.operationAnswers(FAST, internal, FakeVeo.operationError(FAST, internal, 13, "Internal error"));
        VEO.acceptCreate(FAST, "bad argument", invalid);
        VEO.operationAnswers(FAST, invalid, FakeVeo.operationError(FAST, invalid, 3, "Unsupported image"));

        JsonNode broken = awaitView(submitVeo("{\"prompt\":\"upstream breaks\",\"model\":\"veo3_fast\"}"));
        JsonNode refused = awaitView(submitVeo("{\"prompt\":\"bad argument\",\"model\":\"veo3_fast\"}"));

        assertThat(broken.get("failCode").asInt()).isEqualTo(500);
        assertThat(broken.get("failMsg").asString()).isEqualTo("Generation failed upstream, please try again later (code 13)");
        assertThat(refused.get("failCode").asInt()).isEqualTo(400);
        assertThat(refused.get("failMsg").asString()).isEqualTo("Veo could not use the request (code 3)");
    }

    @Test
    void quotaErrorHonoursRetryInfoAndOverloadedPollsAreRepeated() {
        String op = "retryop8";
        VEO.createAnswers(FAST, "busy quota", FakeVeo.error(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota",
                FakeVeo.retryInfo("0.2s")), FakeVeo.error(503, "UNAVAILABLE", "The model is overloaded.", null)
                .withHeader("Retry-After", "0"), WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, op) + "\"}"));
        VEO.operationAnswers(FAST, op, FakeVeo.error(503, "UNAVAILABLE", "overloaded", null),
                FakeVeo.error(504, "DEADLINE_EXCEEDED", "timeout", null), VEO.done(FAST, op));

        JsonNode view = awaitView(submitVeo("{\"prompt\":\"busy quota\",\"model\":\"veo3_fast\"}"));

        assertThat(view.get("state").asString()).isEqualTo("success");
        var creates = VEO.api().findAll(postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("busy quota"))));
        assertThat(creates).hasSize(3);
        // RetryInfo asked for 0.2 s before the second try
        assertThat(creates.get(1).getLoggedDate().getTime() - creates.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(190);
        VEO.api().verify(3, getRequestedFor(urlEqualTo("/v1beta/" + FakeVeo.operationName(FAST, op))));
    }

    @Test
    void aRefusedKeyFailsWithOurMessageAndNoRetry() {
        VEO.createAnswers(FAST, "wrong key", FakeVeo.error(400, "INVALID_ARGUMENT", "API key not valid.",
                "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}]"));

        JsonNode view = awaitView(submitVeo("{\"prompt\":\"wrong key\",\"model\":\"veo3_fast\"}"));

        assertThat(view.get("failCode").asInt()).isEqualTo(500);
        assertThat(view.get("failMsg").asString()).isEqualTo("Generation failed, please try again later");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("wrong key"))));
    }

    @Test
    void aCreateSentButNotAnsweredInTimeIsNeitherResentNorFailedOver() {
        VEO.createAnswers(FAST, "slow create", WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, "late")
                + "\"}").withFixedDelay(6000));

        JsonNode view = awaitView(submitVeo("{\"prompt\":\"slow create\",\"model\":\"veo3_fast\"}"));

        assertThat(view.get("engine").asString()).isEqualTo("veo");
        assertThat(view.get("failCode").asInt()).isEqualTo(500);
        assertThat(view.get("failMsg").asString())
                .isEqualTo("Veo did not confirm the task; it was not sent again, please try again later");
        VEO.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(FAST)))
                .withRequestBody(matchingJsonPath("$.instances[0].prompt", equalTo("slow create"))));
    }

    @Test
    void operationPastTheDeadlineFailsWithoutAnUpstreamCancel() {
        String op = "slowop9";
        VEO.acceptCreate(FAST, "never ends", op);
        VEO.operationAnswers(FAST, op, FakeVeo.running(FAST, op));

        JsonNode view = awaitView(submitVeo("{\"prompt\":\"never ends\",\"model\":\"veo3_fast\"}"));

        KieHttp.assertFailed(view, 500, "Generation timed out: veo did not finish within 4 seconds");
        // the Gemini API has no cancel: nothing but creates and reads reached it
        assertThat(VEO.api().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains(":cancel")
                || e.getRequest().getMethod().getName().equals("DELETE"));
    }

    @Test
    void cancellingOurTaskStopsTrackingTheOperation() {
        String op = "cancelop10";
        VEO.acceptCreate(FAST, "cancel me", op);
        VEO.operationAnswers(FAST, op, FakeVeo.running(FAST, op));
        String taskId = submitVeo("{\"prompt\":\"cancel me\",\"model\":\"veo3_fast\"}");
        Await.until(TIMEOUT, "the operation was never read", () -> !VEO.api().findAll(getRequestedFor(
                urlEqualTo("/v1beta/" + FakeVeo.operationName(FAST, op)))).isEmpty());

        KieHttp.Answer cancelled = kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}");

        assertThat(cancelled.code()).isEqualTo(200);
        JsonNode view = awaitView(taskId);
        assertThat(view.get("failMsg").asString()).isEqualTo("Task was cancelled");
    }

    @Test
    void combinationsVeoCannotRenderAreRefusedAtSubmit() {
        KieHttp.Answer shortHd = kie.postJson("/api/v1/veo/generate", "{\"prompt\":\"p\",\"model\":\"veo3_fast\","
                + "\"resolution\":\"1080p\",\"duration\":6}");
        KieHttp.Answer square = kie.postJson("/api/v1/runway/generate", "{\"prompt\":\"p\",\"duration\":8,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        KieHttp.Answer fiveSeconds = kie.postJson("/api/v1/runway/generate", "{\"prompt\":\"p\",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");

        assertThat(shortHd.code()).isEqualTo(422);
        assertThat(shortHd.msg()).contains("needs duration 8");
        assertThat(square.code()).isEqualTo(422);
        assertThat(square.msg()).isEqualTo("aspectRatio 1:1 is not available with the veo engine (16:9, 9:16)");
        assertThat(fiveSeconds.code()).isEqualTo(422);
        assertThat(fiveSeconds.msg()).isEqualTo("duration 5 is not available with the veo engine (4, 6, 8)");
    }

    @Test
    void theKeyIsNeverStoredLoggedShownInErrorsOrDocumented(CapturedOutput output) throws Exception {
        String op = "secretop11";
        VEO.createAnswers(FAST, "secret run", FakeVeo.error(503, "UNAVAILABLE", "overloaded", null),
                WireMock.okJson("{\"name\":\"" + FakeVeo.operationName(FAST, op) + "\"}"));
        VEO.operationAnswers(FAST, op, FakeVeo.error(500, "INTERNAL", "boom", null), VEO.done(FAST, op));
        String ok = submitVeo("{\"prompt\":\"secret run\",\"model\":\"veo3_fast\"}");
        VEO.createAnswers(FAST, "secret refused", FakeVeo.error(403, "PERMISSION_DENIED", "no access", null));
        String refused = submitVeo("{\"prompt\":\"secret refused\",\"model\":\"veo3_fast\"}");
        JsonNode success = awaitView(ok);
        JsonNode failure = awaitView(refused);
        String apiDocs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(success.get("state").asString()).isEqualTo("success");
        assertThat(failure.toString()).doesNotContain(FakeVeo.KEY);
        assertThat(StoredValues.all(jdbc)).contains(ok).doesNotContain(FakeVeo.KEY);
        assertThat(output.getAll()).contains(op).doesNotContain(FakeVeo.KEY);
        assertThat(apiDocs).contains("openapi").doesNotContain(FakeVeo.KEY);
    }

    private String submitVeo(String json) {
        KieHttp.Answer answer = kie.postJson("/api/v1/veo/generate", json);
        assertThat(answer.code()).as("veo generate answered %s", answer.body()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    /** A KIE Veo Fast task of {@code prompt}, made by Veo as operation {@code op}, finished. */
    private String finishedFastParent(String op, String prompt) {
        VEO.acceptCreate(FAST, prompt, op);
        VEO.operationAnswers(FAST, op, VEO.done(FAST, op));
        String parent = submitVeo("{\"prompt\":\"" + prompt + "\",\"model\":\"veo3_fast\",\"duration\":8}");
        assertThat(awaitView(parent).get("state").asString()).isEqualTo("success");
        return parent;
    }

    private String extendVeo(String json) {
        KieHttp.Answer answer = kie.postJson("/api/v1/veo/extend", json);
        assertThat(answer.code()).as("veo extend answered %s", answer.body()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private JsonNode awaitView(String taskId) {
        return Await.until(TIMEOUT, "task " + taskId + " not terminal after " + TIMEOUT,
                () -> kie.get("/api/v1/tasks/" + taskId).data(),
                view -> view.get("state").asString().equals("success") || view.get("state").asString().equals("fail"));
    }
}
