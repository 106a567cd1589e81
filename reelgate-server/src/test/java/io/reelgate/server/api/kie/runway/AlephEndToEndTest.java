package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.VideoProbe;
import io.reelgate.server.testsupport.WithImageHost;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aleph over real HTTP: a colourful 10 s source video (rendered by Reelgate itself) is served from a loopback
 * "third-party" host and transformed; the effects are measured on decoded frames.
 */
class AlephEndToEndTest extends WithImageHost {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static Path source;
    private static String sourceUrl;

    @TempDir
    Path downloads;

    @BeforeEach
    void renderSourceOnce() throws Exception {
        if (sourceUrl != null) {
            return;
        }
        String taskId = kie.generate("{\"prompt\":\"rainbow balloons drifting\",\"duration\":10,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        source = TestDataDirs.freshFile("aleph-source", ".mp4");
        kie.download(kie.awaitTerminal(taskId, TIMEOUT).get("videoInfo").get("videoUrl").asString(), source);
        sourceUrl = host.serve("/source.mp4", Files.readAllBytes(source), "video/mp4");
    }

    @Test
    void blackAndWhiteRemovesTheColourAndKeepsTheFirstFiveSecondsFrameForFrame() throws Exception {
        Path out = transform("make it black and white");

        VideoProbe.Info info = VideoProbe.probe(out);
        assertThat(info.decodedFrames()).as("first 5 s of a 24 fps source").isEqualTo(120);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(chroma(VideoProbe.frameAt(source, 30))).as("source is colourful").isGreaterThan(20.0);
        // decoded grey frames keep a few levels of RGB spread from YUV rounding; the colourful source has > 20
        assertThat(chroma(VideoProbe.frameAt(out, 30))).as("output chroma").isLessThan(5.0);
    }

    @Test
    void mirrorFlipsEveryFrameHorizontally() throws Exception {
        Path out = transform("mirror the scene");

        for (int frame : new int[] {0, 60, 119}) {
            BufferedImage expected = mirrored(VideoProbe.frameAt(source, frame));
            double diff = VideoProbe.meanAbsDiff(expected, VideoProbe.frameAt(out, frame));
            assertThat(diff).as("frame %d vs mirrored source", frame).isLessThan(4.0);
            assertThat(VideoProbe.meanAbsDiff(VideoProbe.frameAt(source, frame), VideoProbe.frameAt(out, frame)))
                    .as("frame %d differs from the unmirrored source", frame).isGreaterThan(diff + 5.0);
        }
    }

    @Test
    void darkerLowersTheBrightness() throws Exception {
        Path out = transform("a darker night version");

        assertThat(VideoProbe.probe(out).decodedFrames()).isEqualTo(120);
        assertThat(brightness(VideoProbe.frameAt(out, 60)))
                .isLessThan(brightness(VideoProbe.frameAt(source, 60)) * 0.8);
    }

    @Test
    void recordInfoHasTheDocumentedAlephShape() throws Exception {
        String body = "{\"prompt\":\"sepia memories\",\"videoUrl\":\"" + sourceUrl + "\",\"waterMark\":\"\","
                + "\"uploadCn\":false,\"aspectRatio\":\"1:1\",\"seed\":12345}";
        String taskId = submit(body);

        JsonNode data = awaitAleph(taskId);

        assertThat(data.propertyNames()).containsExactly("taskId", "paramJson", "response", "completeTime",
                "createTime", "successFlag", "errorCode", "errorMessage");
        assertThat(data.get("taskId").asString()).isEqualTo(taskId);
        assertThat(JsonMapper.builder().build().readTree(data.get("paramJson").asString()))
                .isEqualTo(JsonMapper.builder().build().readTree(body));
        assertThat(data.get("successFlag").asInt()).isEqualTo(1);
        assertThat(data.get("errorCode").asInt()).isZero();
        assertThat(data.get("errorMessage").asString()).isEmpty();
        assertThat(data.get("createTime").asString()).matches(ISO);
        assertThat(data.get("completeTime").asString()).matches(ISO);
        JsonNode response = data.get("response");
        assertThat(response.get("taskId").asString()).isEqualTo(taskId);
        Path out = downloads.resolve("square.mp4");
        kie.download(response.get("resultVideoUrl").asString(), out);
        VideoProbe.Info info = VideoProbe.probe(out);
        assertThat(info.width()).isEqualTo(info.height());
        Path cover = downloads.resolve("cover.jpg");
        kie.download(response.get("resultImageUrl").asString(), cover);
        assertThat(javax.imageio.ImageIO.read(cover.toFile())).isNotNull();
    }

    @Test
    void aSourceThatIsNotAVideoFailsWithAMessageSayingSo() {
        String notVideo = host.serve("/notes.mp4", "just some text, not a video".getBytes(), "video/mp4");
        String taskId = submit("{\"prompt\":\"black and white\",\"videoUrl\":\"" + notVideo + "\"}");

        JsonNode data = awaitAleph(taskId);

        assertThat(data.get("successFlag").asInt()).isZero();
        assertThat(data.get("errorCode").asInt()).isEqualTo(400);
        assertThat(data.get("errorMessage").asString()).containsIgnoringCase("video");
        assertThat(data.get("response").isNull()).isTrue();
    }

    @Test
    void anUnreachableSourceFailsSayingTheFetchFailed() {
        String taskId = submit("{\"prompt\":\"p\",\"videoUrl\":\"" + sourceUrl.replace("source.mp4", "gone.mp4") + "\"}");

        JsonNode data = awaitAleph(taskId);

        assertThat(data.get("errorCode").asInt()).isEqualTo(400);
        assertThat(data.get("errorMessage").asString()).isEqualTo("Failed to fetch the video: the server answered HTTP 404");
    }

    @Test
    void alephAndRunwayIdsAreNotFoundOnEachOthersDetailEndpoint() {
        String aleph = submit("{\"prompt\":\"invert\",\"videoUrl\":\"" + sourceUrl + "\"}");
        String runway = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

        Answer runwayAsksAleph = kie.get("/api/v1/runway/record-detail?taskId=" + aleph);
        Answer alephAsksRunway = kie.get("/api/v1/aleph/record-info?taskId=" + runway);

        assertThat(runwayAsksAleph.code()).isEqualTo(404);
        assertThat(runwayAsksAleph.msg()).isEqualTo("Task not found: " + aleph);
        assertThat(alephAsksRunway.code()).isEqualTo(404);
        assertThat(alephAsksRunway.msg()).isEqualTo("Task not found: " + runway);
        assertThat(kie.postJson("/api/v1/runway/extend",
                "{\"taskId\":\"" + aleph + "\",\"prompt\":\"p\",\"quality\":\"720p\"}").code()).isEqualTo(404);
    }

    @Test
    void everyDocumentedFieldIsValidated() {
        assertThat(refusal("{\"videoUrl\":\"https://example.com/a.mp4\"}")).isEqualTo("422 prompt is required");
        assertThat(refusal("{\"prompt\":\"p\"}")).isEqualTo("422 videoUrl is required");
        assertThat(refusal("{\"prompt\":\"p\",\"videoUrl\":\"file:///etc/passwd\"}"))
                .isEqualTo("422 videoUrl must be an absolute http or https URL");
        assertThat(refusal("{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/a.mp4\",\"aspectRatio\":\"2:1\"}"))
                .isEqualTo("422 aspectRatio must be one of 16:9, 9:16, 4:3, 3:4, 1:1, 21:9 (got 2:1)");
        assertThat(refusal("{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/a.mp4\",\"seed\":\"lucky\"}"))
                .isEqualTo("422 seed must be a whole number");
        assertThat(refusal("{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/a.mp4\",\"referenceImage\":\"ftp://x/y.png\"}"))
                .isEqualTo("422 referenceImage must be an absolute http or https URL");
        assertThat(refusal("{\"prompt\":\"p\",\"videoUrl\":\"https://example.com/a.mp4\",\"callBackUrl\":\"nope\"}"))
                .isEqualTo("422 callBackUrl must be an absolute http or https URL");
        assertThat(kie.get("/api/v1/aleph/record-info").msg()).isEqualTo("taskId is required");
        assertThat(kie.get("/api/v1/aleph/record-info?taskId=unknown").code()).isEqualTo(404);
    }

    @Test
    void seedAsStringAndUnknownFieldsAreAccepted() {
        Answer answer = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"p\",\"videoUrl\":\"" + sourceUrl
                + "\",\"seed\":\"42\",\"uploadCn\":true,\"somethingNew\":1}");

        assertThat(answer.code()).isEqualTo(200);
    }

    private Path transform(String prompt) {
        JsonNode data = awaitAleph(submit("{\"prompt\":\"" + prompt + "\",\"videoUrl\":\"" + sourceUrl + "\"}"));
        assertThat(data.get("successFlag").asInt()).as(data.toString()).isEqualTo(1);
        Path out = downloads.resolve(prompt.replace(' ', '-') + ".mp4");
        kie.download(data.get("response").get("resultVideoUrl").asString(), out);
        return out;
    }

    private String submit(String body) {
        Answer answer = kie.postJson("/api/v1/aleph/generate", body);
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private String refusal(String body) {
        Answer answer = kie.postJson("/api/v1/aleph/generate", body);
        return answer.code() + " " + answer.msg();
    }

    private JsonNode awaitAleph(String taskId) {
        return Await.until(TIMEOUT, "aleph task " + taskId + " did not finish", () -> {
            Answer answer = kie.get("/api/v1/aleph/record-info?taskId=" + taskId);
            assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
            return answer.data();
        }, data -> data.get("successFlag").asInt() == 1 || !data.get("errorMessage").asString().isEmpty());
    }

    /** Mean over pixels of the largest difference between two RGB channels: 0 for grey. */
    private static double chroma(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            }
        }
        return sum / (double) ((image.getHeight() / 4) * (image.getWidth() / 4));
    }

    private static double brightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return sum / (3.0 * (image.getHeight() / 4) * (image.getWidth() / 4));
    }

    private static BufferedImage mirrored(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }
}
