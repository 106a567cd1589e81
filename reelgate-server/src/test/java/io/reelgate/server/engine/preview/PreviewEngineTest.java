package io.reelgate.server.engine.preview;

import static io.reelgate.server.testsupport.VideoProbe.frameAt;
import static io.reelgate.server.testsupport.VideoProbe.meanAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelgate.server.engine.EngineCancelledException;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.testsupport.VideoProbe;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewEngineTest {

    private static final String PROMPT = "A lighthouse on a cliff at dusk, waves crashing";

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static final PreviewEngine engine = new PreviewEngine(PreviewProperties.defaults(), OutputProperties.defaults());
    private static EngineResult baseline;
    private static final List<Integer> baselineProgress = new ArrayList<>();

    @BeforeAll
    static void renderBaseline() throws IOException {
        FakeEngineContext context = new FakeEngineContext();
        baseline = render(textJob(PROMPT, "16:9", "720p", "", Files.createDirectory(shared.resolve("baseline"))), context);
        baselineProgress.addAll(context.progress);
    }

    @Test
    void textToVideoRendersH264AtRequestedSizeAndDuration() throws IOException {
        VideoProbe.Info info = VideoProbe.probe(baseline.video());

        assertThat(baseline).extracting(EngineResult::width, EngineResult::height, EngineResult::frames)
                .containsExactly(1280, 720, 120);
        assertThat(baseline.durationSeconds()).isEqualTo(5.0);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.frameRate()).isCloseTo(24.0, within(0.01));
        assertThat(info.decodedFrames()).isEqualTo(120);
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.1));
        assertThat(info.lastFrameEndSeconds()).isCloseTo(5.0, within(0.1));
        assertThat(info.moovBeforeMdat()).as("boxes %s", info.topLevelBoxes()).isTrue();
        BufferedImage cover = ImageIO.read(baseline.cover().toFile());
        assertThat(cover.getWidth()).isEqualTo(1280);
        assertThat(cover.getHeight()).isEqualTo(720);
        assertThat(baselineProgress).isSorted().endsWith(100);
    }

    @Test
    void portraitAnd1080pUseTheDocumentedGeometry() {
        EngineResult portrait = render(textJob(PROMPT, "9:16", "720p", "", dir.resolve("portrait")),
                new FakeEngineContext());
        EngineResult square = render(textJob(PROMPT, "1:1", "1080p", "", dir.resolve("square")),
                new FakeEngineContext());

        VideoProbe.Info portraitInfo = VideoProbe.probe(portrait.video());
        VideoProbe.Info squareInfo = VideoProbe.probe(square.video());
        assertThat(List.of(portraitInfo.width(), portraitInfo.height(), portrait.width(), portrait.height()))
                .containsExactly(720, 1280, 720, 1280);
        assertThat(List.of(squareInfo.width(), squareInfo.height(), square.width(), square.height()))
                .containsExactly(1080, 1080, 1080, 1080);
    }

    @Test
    void samePromptGivesIdenticalVideo() throws IOException {
        EngineResult again = render(textJob(PROMPT, "16:9", "720p", "", dir), new FakeEngineContext());

        assertThat(Files.mismatch(baseline.video(), again.video())).isEqualTo(-1L);
        assertThat(Files.mismatch(baseline.cover(), again.cover())).isEqualTo(-1L);
    }

    @Test
    void differentPromptsGiveDifferentVideos() {
        EngineResult other = render(textJob("Neon city street in the rain", "16:9", "720p", "", dir),
                new FakeEngineContext());

        assertThat(meanAbsDiff(frameAt(baseline.video(), 0), frameAt(other.video(), 0))).isGreaterThan(10);
    }

    @Test
    void textVideoChangesOverTime() {
        assertThat(meanAbsDiff(frameAt(baseline.video(), 0), frameAt(baseline.video(), 119))).isGreaterThan(5);
    }

    @Test
    void waterMarkChangesPixelsInTheBottomRightCorner() {
        EngineResult marked = render(textJob(PROMPT, "16:9", "720p", "Reelgate preview", dir), new FakeEngineContext());

        BufferedImage plain = frameAt(baseline.video(), 30);
        BufferedImage withMark = frameAt(marked.video(), 30);
        Rectangle bottomRight = new Rectangle(1280 * 3 / 4, 720 * 7 / 8, 1280 / 4, 720 / 8);
        Rectangle topLeft = new Rectangle(0, 0, 1280 / 2, 720 / 2);
        assertThat(meanAbsDiff(plain, withMark, bottomRight)).isGreaterThan(8);
        assertThat(meanAbsDiff(plain, withMark, topLeft)).isLessThan(1.5);
    }

    @Test
    void imageIsAnimatedAndDecidesTheAspectRatio() throws IOException {
        BufferedImage image = testImage(600, 800);
        Path source = dir.resolve("source.png");
        ImageIO.write(image, "png", source.toFile());
        Path work = Files.createDirectory(dir.resolve("work"));
        EngineJob job = EngineJob.generate("t", "a portrait, slowly", "https://example.com/p.png", null, "720p", 5, "", work);

        EngineResult result = render(job, new FakeEngineContext().serve("https://example.com/p.png", source));

        VideoProbe.Info info = VideoProbe.probe(result.video());
        assertThat(List.of(info.width(), info.height(), result.width(), result.height()))
                .containsExactly(720, 960, 720, 960);
        assertThat(info.decodedFrames()).isEqualTo(120);
        BufferedImage first = frameAt(result.video(), 0);
        BufferedImage last = frameAt(result.video(), 119);
        BufferedImage expected = ImageScaler.scale(image, 1.2);
        assertThat(meanAbsDiff(first, expected)).isLessThan(6);
        assertThat(meanAbsDiff(first, last)).isGreaterThan(10);
    }

    @Test
    void zoomAndPanWordsPickTheCameraMotion() {
        assertThat(CameraMotion.fromPrompt("a cat, zoom in on the eyes")).isEqualTo(CameraMotion.ZOOM_IN);
        assertThat(CameraMotion.fromPrompt("Slowly ZOOMING OUT from the castle")).isEqualTo(CameraMotion.ZOOM_OUT);
        assertThat(CameraMotion.fromPrompt("camera pans left across the beach")).isEqualTo(CameraMotion.PAN_LEFT);
        assertThat(CameraMotion.fromPrompt("pan to the right")).isEqualTo(CameraMotion.PAN_RIGHT);
        assertThat(CameraMotion.fromPrompt("tilt up to the sky")).isEqualTo(CameraMotion.PAN_UP);
        assertThat(CameraMotion.fromPrompt("panning down the waterfall")).isEqualTo(CameraMotion.PAN_DOWN);
        assertThat(CameraMotion.fromPrompt("pull back, then pan left")).isEqualTo(CameraMotion.ZOOM_OUT);
        assertThat(CameraMotion.fromPrompt("a panda eating bamboo")).isEqualTo(CameraMotion.ZOOM_IN);
        assertThat(CameraMotion.fromPrompt("zoomed-out view")).isEqualTo(CameraMotion.ZOOM_OUT);
        assertThat(CameraMotion.fromPrompt(null)).isEqualTo(CameraMotion.DEFAULT);
    }

    @Test
    void undecodableImageFailsWithIncorrectImageFormat() throws IOException {
        Path source = Files.writeString(dir.resolve("fake.jpg"), "<html>not an image</html>");
        EngineJob job = EngineJob.generate("t", PROMPT, "https://example.com/x.jpg", null, "720p", 5, "", dir);

        assertThatThrownBy(() -> engine.run(job, new FakeEngineContext().serve("https://example.com/x.jpg", source)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isEqualTo("Incorrect image format");
                });
    }

    @Test
    void cancellationStopsRenderingWithinASecond() {
        AtomicLong cancelledAt = new AtomicLong();
        FakeEngineContext context = new FakeEngineContext() {
            @Override
            public boolean cancelled() {
                if (cancelledAt.get() == 0 && progress.size() >= 5) {
                    cancelledAt.set(System.nanoTime());
                }
                return cancelledAt.get() != 0;
            }
        };
        EngineJob job = textJob(PROMPT, "16:9", "1080p", "", dir);

        assertThatThrownBy(() -> engine.run(job, context))
                .isInstanceOfSatisfying(EngineCancelledException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isEqualTo("Task was cancelled");
                });
        assertThat((System.nanoTime() - cancelledAt.get()) / 1e9).isLessThan(1.0);
        assertThat(context.progress).last().isNotEqualTo(100);
    }

    private static EngineJob textJob(String prompt, String ratio, String quality, String waterMark, Path workDir) {
        return EngineJob.generate("t", prompt, null, ratio, quality, 5, waterMark, workDir);
    }

    private static EngineResult render(EngineJob job, EngineContext context) {
        try {
            Files.createDirectories(job.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        EngineResult result = engine.run(job, context);
        System.out.printf("rendered %dx%d %d frames in %d ms%n", result.width(), result.height(), result.frames(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** A picture with edges and colour areas, so a wrong crop or zoom shows up in pixel differences. */
    private static BufferedImage testImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(240, 170, 40)));
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(6));
        for (int i = 0; i < 12; i++) {
            g.setColor(i % 2 == 0 ? Color.WHITE : new Color(20, 20, 20));
            g.drawOval(width / 2 - 20 * i - 20, height / 2 - 25 * i - 25, 40 * i + 40, 50 * i + 50);
        }
        g.setColor(Color.RED);
        g.fillRect(20, 20, width / 5, height / 6);
        g.dispose();
        return image;
    }
}
