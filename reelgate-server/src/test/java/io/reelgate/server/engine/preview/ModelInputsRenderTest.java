package io.reelgate.server.engine.preview;

import static io.reelgate.server.testsupport.VideoProbe.frameAt;
import static io.reelgate.server.testsupport.VideoProbe.meanAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.VideoGeometry;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.testsupport.VideoProbe;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What registry models ask of the preview engine beyond KIE Runway: frame pairs, references, sizes, frame rates. */
class ModelInputsRenderTest {

    private static final PreviewEngine engine = new PreviewEngine(PreviewProperties.defaults(), OutputProperties.defaults());

    @TempDir
    Path dir;

    @Test
    void aFirstAndLastFramePairStartsOnTheFirstImageAndEndsOnTheLast() throws IOException {
        BufferedImage first = picture(960, 540, new Color(20, 60, 200), Color.WHITE);
        BufferedImage last = picture(960, 540, new Color(230, 140, 20), Color.BLACK);
        EngineJob job = EngineJob.builder("t", EngineJob.Kind.GENERATE).prompt("a slow dissolve")
                .imageUrl("https://img.example/first.png").lastFrameUrl("https://img.example/last.png")
                .quality("720p").durationSeconds(2).workDir(work()).build();

        EngineResult result = engine.run(job, context(Map.of("first.png", first, "last.png", last)));

        assertThat(List.of(result.width(), result.height())).containsExactly(1280, 720);
        BufferedImage opening = frameAt(result.video(), 0);
        BufferedImage closing = frameAt(result.video(), result.frames() - 1);
        BufferedImage firstAtSize = ImageScaler.scale(first, 1280 / 960.0);
        BufferedImage lastAtSize = ImageScaler.scale(last, 1280 / 960.0);
        assertThat(meanAbsDiff(opening, firstAtSize)).isLessThan(meanAbsDiff(opening, lastAtSize) / 4);
        assertThat(meanAbsDiff(closing, lastAtSize)).isLessThan(meanAbsDiff(closing, firstAtSize) / 4);
    }

    @Test
    void anExplicitSizeAndTheModelsFrameRateDecideTheOutput() throws IOException {
        EngineJob job = EngineJob.builder("t", EngineJob.Kind.GENERATE).prompt("a city at night").quality("1080p")
                .aspectRatio("9:16").size(new VideoGeometry(1280, 720)).fps(30).durationSeconds(2).workDir(work())
                .build();

        EngineResult result = engine.run(job, context(Map.of()));

        VideoProbe.Info info = VideoProbe.probe(result.video());
        assertThat(List.of(info.width(), info.height(), info.decodedFrames())).containsExactly(1280, 720, 60);
        assertThat(result.durationSeconds()).isEqualTo(2.0);
    }

    @Test
    void aReferenceImageWashesTheAnimationTowardsItsColour() throws IOException {
        EngineJob.Builder base = EngineJob.builder("t", EngineJob.Kind.GENERATE).prompt("a quiet forest")
                .quality("480p").aspectRatio("1:1").durationSeconds(1);
        EngineResult plain = engine.run(base.workDir(work()).build(), context(Map.of()));
        EngineResult tinted = engine.run(base.workDir(work())
                .referenceImageUrls(List.of("https://img.example/red.png")).build(),
                context(Map.of("red.png", picture(200, 200, new Color(250, 10, 10), new Color(250, 10, 10)))));

        assertThat(List.of(tinted.width(), tinted.height())).containsExactly(480, 480);
        double[] before = meanColour(frameAt(plain.video(), 0));
        double[] after = meanColour(frameAt(tinted.video(), 0));
        assertThat(after[0] - after[2]).isGreaterThan(before[0] - before[2] + 40);
    }

    @Test
    void resolutionLabelsOfEveryDialectGiveTheirLineCount() {
        assertThat(VideoGeometry.of("768P", "16:9")).isEqualTo(new VideoGeometry(1366, 768));
        assertThat(VideoGeometry.of("512P", "16:9")).isEqualTo(new VideoGeometry(910, 512));
        assertThat(VideoGeometry.of("480p", "9:16")).isEqualTo(new VideoGeometry(480, 854));
        assertThat(VideoGeometry.of("1080P", "21:9")).isEqualTo(new VideoGeometry(2520, 1080));
        assertThat(VideoGeometry.of("4k", "16:9")).isEqualTo(new VideoGeometry(3840, 2160));
        assertThat(VideoGeometry.of(null, "1:1")).isEqualTo(new VideoGeometry(720, 720));
        assertThat(VideoGeometry.parse("1792x1024")).isEqualTo(new VideoGeometry(1792, 1024));
    }

    private Path work() throws IOException {
        return Files.createDirectories(Files.createTempDirectory(dir, "work"));
    }

    /** A colour field with a bar across, so two pictures differ everywhere and a crop shows. */
    private static BufferedImage picture(int width, int height, Color ground, Color bar) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(ground);
        g.fillRect(0, 0, width, height);
        g.setColor(bar);
        g.fillRect(0, height / 3, width, height / 6);
        g.dispose();
        return image;
    }

    private static double[] meanColour(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum[0] += rgb >> 16 & 0xff;
                sum[1] += rgb >> 8 & 0xff;
                sum[2] += rgb & 0xff;
            }
        }
        double n = Math.ceil(image.getWidth() / 4.0) * Math.ceil(image.getHeight() / 4.0);
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Serves each URL the image named by its last path segment. */
    private EngineContext context(Map<String, BufferedImage> images) throws IOException {
        FakeEngineContext context = new FakeEngineContext();
        for (Map.Entry<String, BufferedImage> image : images.entrySet()) {
            Path file = dir.resolve(image.getKey());
            ImageIO.write(image.getValue(), "png", file.toFile());
            context.serve("https://img.example/" + image.getKey(), file);
        }
        return context;
    }
}
