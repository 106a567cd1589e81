package io.reelgate.server.api.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeFal;
import io.reelgate.server.testsupport.HostedEngineProperties;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.VideoProbe;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenAI's {@code sora-2} through fal, where Sora has one endpoint per mode: a text create reaches fal's
 * text-to-video endpoint and a create with {@code input_reference} its image-to-video endpoint (the image inlined, as
 * fal takes small inputs), each with the fields that endpoint documents; what the image endpoint cannot serve is
 * refused before fal is called.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SoraOnFalEndToEndTest {

    /** fal's app of the Sora endpoints: status, result and cancel paths name it, never the endpoint. */
    private static final String APP = "fal-ai/sora-2";
    private static final FakeFal FAL = new FakeFal();
    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-sora-fal-");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private VideosHttp videos;

    @DynamicPropertySource
    static void falRuns(DynamicPropertyRegistry registry) {
        FAL.configure(registry);
        HostedEngineProperties.of(registry, DATA_DIR, "fal").backoffUpTo("500ms").unlimitedRates();
    }

    @BeforeEach
    void connect() {
        videos = new VideosHttp("http://127.0.0.1:" + port, KieHttp.devKey(DATA_DIR));
    }

    @AfterAll
    static void stopFal() {
        FAL.close();
    }

    @Test
    void aTextCreateReachesTheTextToVideoEndpoint() throws Exception {
        String id = "50a2a000-0000-4000-8000-000000000001";
        FAL.submitAnswers(APP + "/text-to-video", FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.inProgress(id), FakeFal.completed(id, 12.5));
        FAL.resultVideo(APP, id);

        String videoId = videos.create("{\"model\":\"sora-2\",\"prompt\":\"a fox in the snow\",\"seconds\":\"8\","
                + "\"size\":\"1280x720\"}");
        videos.awaitStatus(videoId, "completed", TIMEOUT);

        FAL.server().verify(1, postRequestedFor(urlEqualTo("/" + APP + "/text-to-video")).withRequestBody(equalToJson(
                "{\"prompt\":\"a fox in the snow\",\"duration\":8,\"aspect_ratio\":\"16:9\",\"resolution\":\"720p\"}")));
        assertThat(VideoProbe.probe(content(videoId)).codecName()).isEqualTo("h264");
    }

    @Test
    void aCreateWithAnInputReferenceReachesTheImageToVideoEndpoint() throws Exception {
        String id = "50a2a000-0000-4000-8000-000000000002";
        String image = FAL.serve("/inputs/fox.png", ImageHost.png(720, 1280), "image/png");
        FAL.submitAnswers(APP + "/image-to-video", FakeFal.accepted(APP, id));
        FAL.statusAnswers(APP, id, FakeFal.inQueue(id, 1), FakeFal.completed(id, 9));
        FAL.resultVideo(APP, id);

        String videoId = videos.create("{\"model\":\"sora-2\",\"prompt\":\"the fox runs\",\"seconds\":\"4\","
                + "\"input_reference\":{\"image_url\":\"" + image + "\"}}");
        videos.awaitStatus(videoId, "completed", TIMEOUT);

        FAL.server().verify(1, postRequestedFor(urlEqualTo("/" + APP + "/image-to-video")).withRequestBody(equalToJson(
                "{\"prompt\":\"the fox runs\",\"image_url\":\"${json-unit.regex}data:image/png;base64,.+\","
                        + "\"duration\":4,\"aspect_ratio\":\"9:16\",\"resolution\":\"720p\"}")));
        assertThat(VideoProbe.probe(content(videoId)).codecName()).isEqualTo("h264");
    }

    @Test
    void aLengthTheImageEndpointCannotServeIsRefusedBeforeFalIsCalled() {
        int before = FAL.server().getAllServeEvents().size();
        String image = FAL.serve("/inputs/long.png", ImageHost.png(720, 1280), "image/png");

        VideosHttp.Answer refused = videos.postJson("/v1/videos", "{\"model\":\"sora-2\",\"prompt\":\"a long take\","
                + "\"seconds\":\"16\",\"input_reference\":{\"image_url\":\"" + image + "\"}}");

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.error().get("param").asString()).isEqualTo("seconds");
        assertThat(refused.error().get("message").asString()).contains("cannot be served by engine fal");
        assertThat(FAL.server().getAllServeEvents()).hasSize(before);
    }

    private Path content(String videoId) throws Exception {
        HttpResponse<byte[]> bytes = videos.bytes("/v1/videos/" + videoId + "/content");
        assertThat(bytes.statusCode()).isEqualTo(200);
        Path file = dir.resolve(videoId + ".mp4");
        Files.write(file, bytes.body());
        return file;
    }
}
