package io.reelgate.server.api.kie.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.reelgate.server.task.RetentionSweep;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.VideoProbe;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Generate → poll → download over real HTTP, with the produced files decoded and measured. */
class GenerateEndToEndTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern KIE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static ImageHost images;

    @TempDir
    Path downloads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RetentionSweep retention;

    @BeforeAll
    static void startImageHost() {
        images = new ImageHost();
    }

    @AfterAll
    static void stopImageHost() {
        images.close();
    }

    @Test
    void textToVideoSucceedsWithADecodableH264OfTheRequestedShape() throws Exception {
        String taskId = kie.generate("""
                {"prompt":"a paper boat drifting on a calm lake","duration":5,"quality":"720p","aspectRatio":"16:9",
                 "waterMark":"","model":"runway-duration-5-generate"}
                """);

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("success");
        assertThat(detail.get("taskId").asString()).isEqualTo(taskId);
        assertThat(detail.get("parentTaskId").asString()).isEmpty();
        assertThat(detail.get("generateTime").asString()).matches(KIE_TIME);
        assertThat(detail.get("failCode").asString()).isEmpty();
        assertThat(detail.get("failMsg").asString()).isEmpty();
        assertThat(detail.get("expireFlag").asInt()).isZero();
        JsonNode videoInfo = detail.get("videoInfo");
        assertThat(videoInfo.get("taskId").asString()).isEqualTo(taskId);
        assertThat(videoInfo.get("videoId").asString()).isNotBlank();

        Path video = downloads.resolve("video.mp4");
        HttpResponse<Path> download = kie.download(videoInfo.get("videoUrl").asString(), video);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(download.headers().firstValueAsLong("content-length")).hasValue(Files.size(video));
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.decodedFrames()).isEqualTo(120);
        assertThat(info.durationSeconds()).isCloseTo(5.0, offset(0.1));
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.moovBeforeMdat()).as("index at the front for streaming").isTrue();

        Path cover = downloads.resolve("cover.jpg");
        HttpResponse<Path> coverDownload = kie.download(videoInfo.get("imageUrl").asString(), cover);
        assertThat(coverDownload.headers().firstValue("content-type")).hasValue("image/jpeg");
        BufferedImage coverImage = ImageIO.read(cover.toFile());
        assertThat(coverImage.getWidth()).isEqualTo(1280);
        assertThat(coverImage.getHeight()).isEqualTo(720);
    }

    @Test
    void resultsAnswerRangeRequestsSoPlayersCanSeek() throws Exception {
        String taskId = kie.generate("{\"prompt\":\"range\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        String url = kie.awaitTerminal(taskId, TIMEOUT).get("videoInfo").get("videoUrl").asString();
        byte[] whole = kie.getBytes(HttpRequest.newBuilder(URI.create(url)).build()).body();

        HttpResponse<byte[]> part = kie.getBytes(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=100-199").build());
        HttpResponse<byte[]> tail = kie.getBytes(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=-50").build());

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("content-range")).hasValue("bytes 100-199/" + whole.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 50, whole.length));
        assertThat(VideoProbe.probe(write(whole)).width()).isEqualTo(720);
    }

    @Test
    void imageToVideoAnimatesTheFetchedImageInItsOwnRatio() throws Exception {
        String imageUrl = images.serve("/portrait.png", ImageHost.png(600, 800));
        String taskId = kie.generate("{\"prompt\":\"slow zoom in on the poster\",\"duration\":5,\"quality\":\"720p\","
                + "\"imageUrl\":\"" + imageUrl + "\"}");

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).as(detail.toString()).isEqualTo("success");
        assertThat(detail.get("generateParam").get("imageUrl").asString()).isEqualTo(imageUrl);
        Path video = downloads.resolve("i2v.mp4");
        kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.width()).isEqualTo(720);
        assertThat(info.height()).isEqualTo(960);
        assertThat(info.decodedFrames()).isEqualTo(120);
        assertThat(info.durationSeconds()).isCloseTo(5.0, offset(0.1));
        BufferedImage first = VideoProbe.frameAt(video, 0);
        BufferedImage last = VideoProbe.frameAt(video, 119);
        assertThat(VideoProbe.meanAbsDiff(first, last)).as("the camera moves").isGreaterThan(3.0);
    }

    @Test
    void unreachableImageFailsTheTaskSayingTheFetchFailed() {
        String imageUrl = images.serve("/exists.png", ImageHost.png(64, 64)).replace("/exists.png", "/missing.png");
        String taskId = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"" + imageUrl + "\"}");

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 400, "Failed to fetch the image: the server answered HTTP 404");
        assertThat(detail.get("videoInfo").isNull()).isTrue();
    }

    @Test
    void notAnImageFailsWithIncorrectImageFormat() {
        String imageUrl = images.serve("/text.png", "this is not an image".getBytes());
        String taskId = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"" + imageUrl + "\"}");

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        KieHttp.assertFailed(detail, 400, "Incorrect image format");
    }

    @Test
    void waterMarkChangesTheBottomRightOfEveryFrameAndNothingElse() throws Exception {
        String body = "{\"prompt\":\"watermark comparison\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"%s}";
        String plain = kie.generate(body.formatted(""));
        String marked = kie.generate(body.formatted(",\"waterMark\":\"REELGATE\""));
        Path plainVideo = downloads.resolve("plain.mp4");
        Path markedVideo = downloads.resolve("marked.mp4");
        kie.download(kie.awaitTerminal(plain, TIMEOUT).get("videoInfo").get("videoUrl").asString(), plainVideo);
        kie.download(kie.awaitTerminal(marked, TIMEOUT).get("videoInfo").get("videoUrl").asString(), markedVideo);

        Rectangle bottomRight = new Rectangle(1280 - 400, 720 - 120, 400, 120);
        Rectangle topLeft = new Rectangle(0, 0, 400, 120);
        for (int frame : new int[] {0, 60, 119}) {
            BufferedImage a = VideoProbe.frameAt(plainVideo, frame);
            BufferedImage b = VideoProbe.frameAt(markedVideo, frame);
            assertThat(VideoProbe.meanAbsDiff(a, b, bottomRight)).as("frame %d bottom-right", frame).isGreaterThan(4.0);
            assertThat(VideoProbe.meanAbsDiff(a, b, topLeft)).as("frame %d top-left", frame).isLessThan(1.5);
        }
    }

    @Test
    void samePromptGivesTheSameVideo() throws Exception {
        String body = "{\"prompt\":\"determinism\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"4:3\"}";
        Path a = downloads.resolve("a.mp4");
        Path b = downloads.resolve("b.mp4");
        kie.download(kie.awaitTerminal(kie.generate(body), TIMEOUT).get("videoInfo").get("videoUrl").asString(), a);
        kie.download(kie.awaitTerminal(kie.generate(body), TIMEOUT).get("videoInfo").get("videoUrl").asString(), b);

        assertThat(VideoProbe.probe(a).width()).isEqualTo(960);
        assertThat(VideoProbe.meanAbsDiff(VideoProbe.frameAt(a, 50), VideoProbe.frameAt(b, 50))).isLessThan(0.01);
    }

    @Test
    void expiredResultsAreDeletedButTheRecordStaysReadable() throws Exception {
        String taskId = kie.generate("{\"prompt\":\"short-lived\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"9:16\"}");
        JsonNode before = kie.awaitTerminal(taskId, TIMEOUT);
        String videoUrl = before.get("videoInfo").get("videoUrl").asString();
        assertThat(kie.getBytes(HttpRequest.newBuilder(URI.create(videoUrl)).build()).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE task SET expires_at = TIMESTAMP '2000-01-01 00:00:00' WHERE id = :id").param("id", taskId).update();

        retention.sweep();

        JsonNode after = kie.detail(taskId);
        assertThat(after.get("expireFlag").asInt()).isEqualTo(1);
        assertThat(after.get("state").asString()).isEqualTo("success");
        assertThat(kie.getBytes(HttpRequest.newBuilder(URI.create(videoUrl)).build()).statusCode()).isEqualTo(404);
        assertThat(Files.exists(DATA_DIR.resolve("files/results").resolve(taskId))).isFalse();
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(downloads, "whole", ".mp4");
        Files.write(file, bytes);
        return file;
    }
}
