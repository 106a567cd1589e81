package io.reelgate.server.engine.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeFal;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.KieHttp;
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
 * The fal engine against WireMock playing fal's queue over a real socket: KIE Runway tasks routed to fal go to the
 * default Kling endpoints; the exact submit, the status walk, the result, failures, retries and the deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FalEngineEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-fal-");
    private static final FakeFal FAL = new FakeFal();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String T2V = "fal-ai/kling-video/v2.1/master/text-to-video";
    static final String APP = "fal-ai/kling-video";

    @LocalServerPort
    int port;

    private KieHttp kie;

    @DynamicPropertySource
    static void falEverywhere(DynamicPropertyRegistry registry) {
        FAL.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "fal").backoffUpTo("1500ms").deadline("4s").routes("generate")
                .unlimitedRates();
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @AfterAll
    static void stopFal() {
        FAL.close();
    }

    @Test
    void textToVideoWalksQueueProgressAndCompletedThenStoresAnH264Copy() throws Exception {
        String id = "80e7a1b2-0000-4000-8000-000000000001";
        FAL.submitAnswers(T2V, FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.inQueue(id, 2), FakeFal.inProgress(id), FakeFal.completed(id, 41.7));
        FAL.resultVideo(APP, id);

        String taskId = kie.generate("{\"prompt\":\"a paper crane\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        FAL.server().verify(1, postRequestedFor(urlEqualTo("/" + T2V))
                .withHeader("Authorization", equalTo("Key " + FakeFal.KEY))
                .withHeader("X-Fal-Request-Timeout", equalTo("900"))
                .withRequestBody(equalToJson("{\"prompt\":\"a paper crane\",\"aspect_ratio\":\"16:9\",\"duration\":\"5\"}")));
        Path video = DATA_DIR.resolve("t2v.mp4");
        kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.width()).isEqualTo(TinyMp4.WIDTH);
        assertThat(info.decodedFrames()).isEqualTo(TinyMp4.FRAMES);
        JsonNode view = kie.get("/api/v1/tasks/" + taskId).data();
        assertThat(view.get("engine").asString()).isEqualTo("fal");
        assertThat(view.toString()).contains("inferenceSeconds").doesNotContain(FakeFal.KEY);
    }

    @Test
    void aContentPolicyRefusalFailsTheTaskAsTheUsersInput() {
        String id = "80e7a1b2-0000-4000-8000-000000000002";
        FAL.submitAnswers(T2V, FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.completed(id, 3.0));
        FAL.resultAnswer(APP, id, FakeFal.json(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":"
                + "\"secret fal text\",\"type\":\"content_policy_violation\"}]}"));

        String taskId = kie.generate("{\"prompt\":\"refused prompt\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"9:16\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failCode").asString()).isEqualTo("400");
        assertThat(detail.get("failMsg").asString()).contains("content moderation").doesNotContain("secret fal text");
    }

    @Test
    void submitAnswered429And503IsRetriedHonouringRetryAfterThenSucceeds() {
        String endpoint = "fal-ai/kling-video/v2.1/standard/image-to-video";
        String id = "80e7a1b2-0000-4000-8000-000000000003";
        String image = FAL.serve("/inputs/frame.png", io.reelgate.server.testsupport.ImageHost.png(400, 300), "image/png");
        FAL.submitAnswers(endpoint, FakeFal.json(429, "{\"detail\":\"busy\"}").withHeader("Retry-After", "1"),
                FakeFal.json(503, "{\"detail\":\"down\"}"), FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.completed(id, 9.5));
        FAL.resultVideo(APP, id);

        long started = System.nanoTime();
        String taskId = kie.generate("{\"prompt\":\"animate it\",\"duration\":10,\"quality\":\"720p\",\"imageUrl\":\""
                + image + "\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        var submits = FAL.server().findAll(postRequestedFor(urlPathEqualTo("/" + endpoint)));
        assertThat(submits).hasSize(3);
        String body = submits.get(2).getBodyAsString();
        assertThat(body).contains("\"image_url\":\"data:image/png;base64,").contains("\"duration\":\"10\"")
                .doesNotContain("/inputs/frame.png");
    }

    @Test
    void aRequestPastTheDeadlineIsCancelledUpstream() {
        String id = "80e7a1b2-0000-4000-8000-000000000004";
        String taskId = generateNeverEnding(id, "never ends", "1:1");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        awaitRequests("fal is asked to cancel", putRequestedFor(urlEqualTo("/" + APP + "/requests/" + id + "/cancel")), 1);
    }

    @Test
    void cancellingOurTaskCancelsTheFalRequest() {
        String id = "80e7a1b2-0000-4000-8000-000000000005";
        String taskId = generateNeverEnding(id, "cancel me", "16:9");
        awaitRequests("fal is polled", getRequestedFor(urlPathEqualTo("/" + APP + "/requests/" + id + "/status")), 1);

        KieHttp.Answer cancelled = kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "{}");

        assertThat(cancelled.code()).isEqualTo(200);
        awaitRequests("fal is asked to cancel the request",
                putRequestedFor(urlEqualTo("/" + APP + "/requests/" + id + "/cancel")), 1);
        JsonNode detail = kie.detail(taskId);
        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failMsg").asString()).isEqualTo("Task was cancelled");
        FAL.server().verify(1, putRequestedFor(urlEqualTo("/" + APP + "/requests/" + id + "/cancel")));
    }

    @Test
    void aRatioFalsKlingCannotRenderIsRefusedAtSubmitNamingTheField() {
        KieHttp.Answer refused = kie.postJson("/api/v1/runway/generate", "{\"prompt\":\"a square-ish kite\","
                + "\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"4:3\"}");

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.msg()).contains("aspectRatio 4:3").contains("16:9, 9:16, 1:1");
        assertThat(FAL.server().findAll(postRequestedFor(urlPathEqualTo("/" + T2V)))
                .stream().filter(r -> r.getBodyAsString().contains("square-ish"))).isEmpty();
    }

    /** A text-to-video task fal accepts as request {@code id} and then reports in progress forever. */
    private String generateNeverEnding(String id, String prompt, String aspectRatio) {
        FAL.submitAnswers(T2V, FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.inProgress(id));
        return kie.generate("{\"prompt\":\"" + prompt + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\""
                + aspectRatio + "\"}");
    }

    private static void awaitRequests(String what, RequestPatternBuilder pattern, int atLeast) {
        Await.until(TIMEOUT, what, () -> FAL.server().findAll(pattern), requests -> requests.size() >= atLeast);
    }
}
