package io.reelgate.server.engine.preview;

import static io.reelgate.server.testsupport.VideoProbe.frameAt;
import static io.reelgate.server.testsupport.VideoProbe.meanAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelgate.server.engine.EngineCancelledException;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.Mp4Writer;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.testsupport.VideoProbe;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlephRenderTest {

    private static final String VIDEO_URL = "https://example.com/source.mp4";
    private static final String REFERENCE_URL = "https://example.com/style.png";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FPS = 30;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static final PreviewEngine engine = new PreviewEngine(PreviewProperties.defaults(), OutputProperties.defaults());
    /** Seven seconds, of which an Aleph job processes the first five. */
    private static Path source;

    @BeforeAll
    static void writeSource() {
        source = shared.resolve("source.mp4");
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        try (Mp4Writer writer = new Mp4Writer(source, WIDTH, HEIGHT, FPS, 2_000_000)) {
            for (int i = 0; i < 7 * FPS; i++) {
                paintSourceFrame(canvas, i);
                writer.write(canvas);
            }
            writer.finish();
        }
    }

    @Test
    void defaultLookKeepsSizeAndRateAndProcessesOnlyTheSpan() {
        EngineResult result = aleph("make it look great", null, null);

        VideoProbe.Info info = VideoProbe.probe(result.video());
        assertThat(List.of(info.width(), info.height(), result.width(), result.height()))
                .containsExactly(WIDTH, HEIGHT, WIDTH, HEIGHT);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.frameRate()).isCloseTo(FPS, within(0.01));
        assertThat(result.frames()).isEqualTo(5 * FPS);
        assertThat(info.decodedFrames()).isEqualTo(5 * FPS);
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.1));
        assertThat(info.moovBeforeMdat()).isTrue();
        assertThat(result.durationSeconds()).isCloseTo(5.0, within(1e-9));
        assertThat(result.startFrame()).isNull();
        assertThat(meanAbsDiff(frameAt(source, 45), frameAt(result.video(), 45))).as("visibly restyled")
                .isGreaterThan(4);
    }

    @Test
    void monochromeLeavesNoColour() {
        EngineResult result = aleph("classic black and white noir", null, null);

        BufferedImage frame = frameAt(result.video(), 60);
        double[] chroma = meanChromaDistance(frame);
        System.out.printf("monochrome chroma |U-128| %.3f |V-128| %.3f (source %.1f %.1f)%n", chroma[0], chroma[1],
                meanChromaDistance(frameAt(source, 60))[0], meanChromaDistance(frameAt(source, 60))[1]);
        assertThat(chroma[0]).isLessThan(2);
        assertThat(chroma[1]).isLessThan(2);
    }

    @Test
    void mirrorFlipsEveryFrameHorizontally() {
        EngineResult result = aleph("mirror the scene", null, null);

        for (int k : new int[] {0, 77, 149}) {
            double diff = meanAbsDiff(mirrored(frameAt(source, k)), frameAt(result.video(), k));
            System.out.printf("mirror frame %d: mean abs diff %.3f%n", k, diff);
            assertThat(diff).isLessThan(3);
        }
        assertThat(meanAbsDiff(frameAt(source, 77), frameAt(result.video(), 77))).isGreaterThan(20);
    }

    @Test
    void darkerLowersTheBrightness() {
        EngineResult result = aleph("a dark, moody version", null, null);

        double before = meanLuma(frameAt(source, 90));
        double after = meanLuma(frameAt(result.video(), 90));
        System.out.printf("darker: mean luma %.1f -> %.1f%n", before, after);
        assertThat(after).isLessThan(before - 25);
    }

    @Test
    void slowMotionShowsHalfTheSpanWithEveryFrameTwice() {
        EngineResult result = aleph("slow motion", null, null);

        assertThat(result.frames()).isEqualTo(5 * FPS);
        assertThat(VideoProbe.probe(result.video()).decodedFrames()).isEqualTo(5 * FPS);
        for (int k : new int[] {10, 40, 74}) {
            BufferedImage even = frameAt(result.video(), 2 * k);
            assertThat(meanAbsDiff(even, frameAt(result.video(), 2 * k + 1))).isLessThan(1);
            assertThat(meanAbsDiff(even, frameAt(source, k))).isLessThan(3);
        }
    }

    @Test
    void aspectRatioCropsTheCentre() {
        EngineResult square = aleph("slowmo", "1:1", null);
        EngineResult wide = aleph("slowmo", "21:9", null);

        VideoProbe.Info info = VideoProbe.probe(square.video());
        assertThat(List.of(info.width(), info.height(), square.width(), square.height()))
                .containsExactly(HEIGHT, HEIGHT, HEIGHT, HEIGHT);
        BufferedImage expected = frameAt(source, 20).getSubimage((WIDTH - HEIGHT) / 2, 0, HEIGHT, HEIGHT);
        assertThat(meanAbsDiff(expected, frameAt(square.video(), 40))).isLessThan(3);
        assertThat(List.of(wide.width(), wide.height())).containsExactly(640, 274);
    }

    @Test
    void referenceImageTintsTowardsItsColour() throws IOException {
        BufferedImage red = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = red.createGraphics();
        g.setColor(new Color(230, 20, 20));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        Path style = dir.resolve("style.png");
        ImageIO.write(red, "png", style.toFile());

        EngineResult plain = aleph("slowmo", null, null);
        EngineResult tinted = aleph("slowmo", null, context -> context.serve(REFERENCE_URL, style));

        double[] before = meanRgb(frameAt(plain.video(), 30));
        double[] after = meanRgb(frameAt(tinted.video(), 30));
        assertThat(after[0] - before[0]).isGreaterThan(10);
        assertThat(after[2] - before[2]).isLessThan(-10);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherGrain() throws IOException {
        EngineResult first = aleph("vintage sepia", null, null, 42L, null, dir.resolve("a"));
        EngineResult again = aleph("vintage sepia", null, null, 42L, null, dir.resolve("b"));
        EngineResult other = aleph("vintage sepia", null, null, 43L, null, dir.resolve("c"));

        assertThat(Files.mismatch(first.video(), again.video())).isEqualTo(-1L);
        assertThat(Files.mismatch(first.cover(), again.cover())).isEqualTo(-1L);
        assertThat(Files.mismatch(first.video(), other.video())).isNotEqualTo(-1L);
    }

    @Test
    void unusableInputsFailWithA400() throws IOException {
        Path html = Files.writeString(dir.resolve("page.html"), "<html><body>not a video</body></html>");
        Path png = dir.resolve("still.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

        assertFails(new FakeEngineContext().serve(VIDEO_URL, html), null, "The source file is not a video");
        assertFails(new FakeEngineContext().serve(VIDEO_URL, png), null, "The source file is not a video");
        assertFails(new FakeEngineContext(), null, "Failed to fetch the video: HTTP 404");
        assertFails(new FakeEngineContext().serve(VIDEO_URL, source), REFERENCE_URL,
                "Failed to fetch the reference image: HTTP 404");
        assertFails(new FakeEngineContext().serve(VIDEO_URL, source).serve(REFERENCE_URL, html), REFERENCE_URL,
                "The reference image could not be decoded");
    }

    @Test
    void downloadsUseTheConfiguredLimitsAndCancellationStopsTheRender() throws IOException {
        FakeEngineContext context = new FakeEngineContext() {
            @Override
            public boolean cancelled() {
                return progress.size() >= 3;
            }
        }.serve(VIDEO_URL, source);
        Files.createDirectories(dir.resolve("cancel"));

        assertThatThrownBy(() -> engine.run(job("blur", null, null, null, dir.resolve("cancel")), context))
                .isInstanceOf(EngineCancelledException.class);
        assertThat(context.requestedLimits).containsEntry(VIDEO_URL, 10L * 1024 * 1024);
        assertThat(context.progress).isNotEmpty().doesNotContain(100);
    }

    private void assertFails(FakeEngineContext context, String referenceUrl, String message) throws IOException {
        Path work = Files.createTempDirectory(dir, "fail");
        assertThatThrownBy(() -> engine.run(job("mirror", null, null, referenceUrl, work), context))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isEqualTo(message);
                });
    }

    private EngineResult aleph(String prompt, String aspectRatio, Consumer<FakeEngineContext> extraFiles) {
        try {
            return aleph(prompt, aspectRatio, extraFiles, null, extraFiles == null ? null : REFERENCE_URL,
                    Files.createTempDirectory(dir, "aleph"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EngineResult aleph(String prompt, String aspectRatio, Consumer<FakeEngineContext> extraFiles, Long seed,
                               String referenceUrl, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FakeEngineContext context = new FakeEngineContext().serve(VIDEO_URL, source);
        if (extraFiles != null) {
            extraFiles.accept(context);
        }
        long start = System.nanoTime();
        EngineResult result = engine.run(job(prompt, aspectRatio, seed, referenceUrl, workDir), context);
        System.out.printf("aleph '%s' %dx%d %d frames in %d ms%n", prompt, result.width(), result.height(),
                result.frames(), (System.nanoTime() - start) / 1_000_000);
        assertThat(context.progress).isSorted().endsWith(100);
        return result;
    }

    private static EngineJob job(String prompt, String aspectRatio, Long seed, String referenceUrl, Path workDir) {
        return EngineJob.builder("a", EngineJob.Kind.ALEPH).prompt(prompt).aspectRatio(aspectRatio).durationSeconds(5)
                .videoUrl(VIDEO_URL).seed(seed).referenceImage(referenceUrl).workDir(workDir).build();
    }

    /** Colourful and asymmetric, with things moving, so mirroring, cropping and timing all show in pixels. */
    private static void paintSourceFrame(BufferedImage canvas, int index) {
        Graphics2D g = canvas.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(220, 60, 40), WIDTH, HEIGHT, new Color(40, 120, 230)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(250, 230, 60));
        g.fillRect(20 + index * 3 % (WIDTH - 100), 40, 80, 80);
        g.setColor(new Color(30, 200, 90));
        g.fillOval(WIDTH - 160, 180 + (int) (60 * Math.sin(index / 10.0)), 120, 120);
        g.setColor(Color.WHITE);
        g.fillRect(0, HEIGHT - 40, WIDTH / 3, 40);
        g.dispose();
    }

    private static BufferedImage mirrored(BufferedImage image) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                result.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
            }
        }
        return result;
    }

    private static double[] meanRgb(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += rgb >> 16 & 0xff;
                sum[1] += rgb >> 8 & 0xff;
                sum[2] += rgb & 0xff;
            }
        }
        double pixels = image.getWidth() * (double) image.getHeight();
        return new double[] {sum[0] / pixels, sum[1] / pixels, sum[2] / pixels};
    }

    private static double meanLuma(BufferedImage image) {
        double[] rgb = meanRgb(image);
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
    }

    /** Mean |U - 128| and |V - 128| (BT.601), which are 0 for a grey picture. */
    private static double[] meanChromaDistance(BufferedImage image) {
        double u = 0;
        double v = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int gr = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                u += Math.abs(-0.169 * r - 0.331 * gr + 0.5 * b);
                v += Math.abs(0.5 * r - 0.419 * gr - 0.081 * b);
            }
        }
        double pixels = image.getWidth() * (double) image.getHeight();
        return new double[] {u / pixels, v / pixels};
    }
}
