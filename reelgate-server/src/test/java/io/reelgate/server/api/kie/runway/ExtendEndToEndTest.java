package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.account.ApiKeySecrets;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.VideoProbe;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/runway/extend} over real HTTP: chains of extensions, and every refusal. */
class ExtendEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /**
     * Largest mean absolute difference (0..255 per channel) allowed between the parent's last frame and the
     * extension's first frame; both are lossy H.264 encodes of the same picture. Measured: about 1 to 2.
     */
    private static final double CONTINUITY_THRESHOLD = 4.0;

    @TempDir
    Path downloads;

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void generateThenExtendThenExtendAgainContinuesFromEachLastFrame() throws Exception {
        String parent = kie.generate("{\"prompt\":\"a comet over the sea\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        Path parentVideo = downloadVideo(kie.awaitTerminal(parent, TIMEOUT), "parent.mp4");

        String first = extend(parent, "the comet dives into the water, zoom in");
        JsonNode firstDetail = kie.awaitTerminal(first, TIMEOUT);
        assertThat(firstDetail.get("state").asString()).as(firstDetail.toString()).isEqualTo("success");
        assertThat(firstDetail.get("parentTaskId").asString()).isEqualTo(parent);
        Path firstVideo = downloadVideo(firstDetail, "first.mp4");
        assertContinues(parentVideo, firstVideo);
        assertThat(VideoProbe.probe(firstVideo).width()).isEqualTo(1280);
        Path startFrame = downloads.resolve("start.jpg");
        kie.download(firstDetail.get("generateParam").get("imageUrl").asString(), startFrame);
        BufferedImage start = ImageIO.read(startFrame.toFile());
        assertThat(start.getWidth()).isEqualTo(1280);

        String second = extend(first, "the sea calms down, pan left");
        JsonNode secondDetail = kie.awaitTerminal(second, TIMEOUT);
        assertThat(secondDetail.get("state").asString()).isEqualTo("success");
        assertThat(secondDetail.get("parentTaskId").asString()).isEqualTo(first);
        assertContinues(firstVideo, downloadVideo(secondDetail, "second.mp4"));
    }

    @Test
    void extensionKeepsThePortraitSizeOfItsParent() throws Exception {
        String parent = kie.generate("{\"prompt\":\"tall tower\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}");
        kie.awaitTerminal(parent, TIMEOUT);

        Path video = downloadVideo(kie.awaitTerminal(extend(parent, "camera tilts up"), TIMEOUT), "portrait.mp4");

        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(1280);
    }

    @Test
    void requiredFieldsAreNamed() {
        assertThat(refusal("{\"prompt\":\"p\",\"quality\":\"720p\"}")).isEqualTo("422 taskId is required");
        assertThat(refusal("{\"taskId\":\"x\",\"quality\":\"720p\"}")).isEqualTo("422 prompt is required");
        assertThat(refusal("{\"taskId\":\"x\",\"prompt\":\"p\"}")).isEqualTo("422 quality is required (720p or 1080p)");
        assertThat(refusal("{\"taskId\":\"x\",\"prompt\":\"p\",\"quality\":\"480p\"}"))
                .isEqualTo("422 quality must be 720p or 1080p (got 480p)");
        assertThat(refusal("{\"taskId\":\"x\",\"prompt\":\"p\",\"quality\":\"720p\",\"callBackUrl\":\"ftp://x\"}"))
                .isEqualTo("422 callBackUrl must be an absolute http or https URL");
    }

    @Test
    void unknownTaskAndAnotherKeysTaskAreNotFound() {
        String mine = kie.generate("{\"prompt\":\"mine\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        kie.awaitTerminal(mine, TIMEOUT);
        String secret = ApiKeySecrets.newSecret();
        keys.create("stranger", secret, Instant.now());
        KieHttp stranger = new KieHttp(baseUrl(), secret);

        Answer theirs = stranger.postJson("/api/v1/runway/extend", body(mine, "steal"));

        assertThat(theirs.code()).isEqualTo(404);
        assertThat(theirs.msg()).isEqualTo("Task not found: " + mine);
        assertThat(refusal(body("no-such-task", "p"))).isEqualTo("404 Task not found: no-such-task");
    }

    @Test
    void onlyASuccessfulUnexpiredTaskCanBeExtended() {
        String failed = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"http://127.0.0.1:9/none.png\"}");
        assertThat(kie.awaitTerminal(failed, TIMEOUT).get("state").asString()).isEqualTo("fail");
        String expired = kie.generate("{\"prompt\":\"old\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        kie.awaitTerminal(expired, TIMEOUT);
        jdbc.sql("UPDATE task SET expire_flag = 1 WHERE id = :id").param("id", expired).update();

        assertThat(refusal(body(failed, "p")))
                .isEqualTo("422 Task " + failed + " cannot be extended: its state is fail; only a success task can be extended");
        assertThat(refusal(body(expired, "p")))
                .isEqualTo("422 Task " + expired + " cannot be extended: its video has expired (expireFlag 1)");
    }

    private void assertContinues(Path parentVideo, Path extension) {
        VideoProbe.Info parentInfo = VideoProbe.probe(parentVideo);
        VideoProbe.Info info = VideoProbe.probe(extension);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.decodedFrames()).isEqualTo(120);
        assertThat(info.durationSeconds()).isCloseTo(5.0, offset(0.1));
        assertThat(info.width()).isEqualTo(parentInfo.width());
        assertThat(info.height()).isEqualTo(parentInfo.height());
        double diff = VideoProbe.meanAbsDiff(VideoProbe.frameAt(parentVideo, parentInfo.decodedFrames() - 1),
                VideoProbe.frameAt(extension, 0));
        System.out.printf("extension continuity: mean abs diff %.3f (threshold %.1f)%n", diff, CONTINUITY_THRESHOLD);
        assertThat(diff).isLessThan(CONTINUITY_THRESHOLD);
    }

    private String extend(String taskId, String prompt) {
        Answer answer = kie.postJson("/api/v1/runway/extend", body(taskId, prompt));
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private String refusal(String body) {
        Answer answer = kie.postJson("/api/v1/runway/extend", body);
        return answer.code() + " " + answer.msg();
    }

    private static String body(String taskId, String prompt) {
        return "{\"taskId\":\"" + taskId + "\",\"prompt\":\"" + prompt + "\",\"quality\":\"720p\",\"waterMark\":\"\","
                + "\"imageUrl\":\"\",\"expandPrompt\":false}";
    }

    private Path downloadVideo(JsonNode detail, String name) {
        Path file = downloads.resolve(name);
        kie.download(detail.get("videoInfo").get("videoUrl").asString(), file);
        return file;
    }
}
