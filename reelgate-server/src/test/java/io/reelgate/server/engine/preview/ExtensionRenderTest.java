package io.reelgate.server.engine.preview;

import static io.reelgate.server.testsupport.VideoProbe.frameAt;
import static io.reelgate.server.testsupport.VideoProbe.meanAbsDiff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.testsupport.VideoProbe;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionRenderTest {

    /**
     * Largest mean absolute difference (0..255 per channel) allowed between the parent's last frame and the
     * extension's first, both as decoded from their MP4s. The extension starts from the parent's decoded frame pixel
     * for pixel, so what remains is one more H.264 generation (plus the watermark drawn again over itself): measured
     * 2.3 to 2.4, against about 1.5 between neighbouring frames inside the parent.
     */
    private static final double MAX_SEAM_DIFF = 3.0;
    private static final String WATER_MARK = "Reelgate preview";

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static final PreviewEngine engine = new PreviewEngine(PreviewProperties.defaults(), OutputProperties.defaults());
    private static EngineResult parent;

    @BeforeAll
    static void renderParent() throws IOException {
        parent = render(EngineJob.generate("p", "A lighthouse on a cliff at dusk", null, "16:9", "720p", 5, WATER_MARK,
                Files.createDirectory(shared.resolve("parent"))));
    }

    @Test
    void extensionContinuesFromTheParentsLastFrame() throws IOException {
        EngineResult extension = render(extend(parent.video(), "the waves keep rolling", "1080p", dir));

        VideoProbe.Info info = VideoProbe.probe(extension.video());
        assertThat(extension).extracting(EngineResult::width, EngineResult::height, EngineResult::frames)
                .containsExactly(1280, 720, 120);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.decodedFrames()).isEqualTo(120);
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.1));
        assertThat(info.lastFrameEndSeconds()).isCloseTo(5.0, within(0.1));
        assertThat(info.moovBeforeMdat()).as("boxes %s", info.topLevelBoxes()).isTrue();

        BufferedImage parentLast = frameAt(parent.video(), 119);
        BufferedImage first = frameAt(extension.video(), 0);
        double seam = meanAbsDiff(parentLast, first);
        System.out.printf("extension seam: mean abs diff %.3f%n", seam);
        assertThat(seam).isLessThan(MAX_SEAM_DIFF);
        assertThat(meanAbsDiff(first, frameAt(extension.video(), 119))).as("the camera moves").isGreaterThan(5);

        assertThat(extension.startFrame()).isEqualTo(dir.resolve("start-frame.jpg"));
        BufferedImage start = ImageIO.read(extension.startFrame().toFile());
        assertThat(start.getWidth()).isEqualTo(1280);
        assertThat(start.getHeight()).isEqualTo(720);
        assertThat(meanAbsDiff(parentLast, start)).isLessThan(MAX_SEAM_DIFF);
        assertThat(ImageIO.read(extension.cover().toFile()).getWidth()).isEqualTo(1280);
    }

    @Test
    void anExtensionCanBeExtendedAgainWithAnyCameraMove() throws IOException {
        EngineResult square = render(EngineJob.generate("s", "Neon city street in the rain", null, "1:1", "720p", 5, "",
                Files.createDirectory(dir.resolve("square"))));
        EngineResult first = render(extend(square.video(), "pan left along the street", "720p",
                Files.createDirectory(dir.resolve("first"))));
        EngineResult second = render(extend(first.video(), "slowly zoom out", "720p",
                Files.createDirectory(dir.resolve("second"))));

        VideoProbe.Info info = VideoProbe.probe(second.video());
        assertThat(List.of(info.width(), info.height(), info.decodedFrames())).containsExactly(720, 720, 120);
        double seam = meanAbsDiff(frameAt(first.video(), 119), frameAt(second.video(), 0));
        System.out.printf("extension of an extension seam: mean abs diff %.3f%n", seam);
        assertThat(seam).isLessThan(MAX_SEAM_DIFF);
        assertThat(second.startFrame()).exists();
    }

    @Test
    void missingOrUndecodableParentIsAnInternalFailure() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "not a video at all");

        for (Path parentVideo : new Path[] {dir.resolve("missing.mp4"), garbage, null}) {
            assertThatThrownBy(() -> engine.run(extend(parentVideo, "more", "720p", dir), new FakeEngineContext()))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.failCode()).isEqualTo(500);
                        assertThat(e.failMsg()).isEqualTo("The video to extend could not be read");
                    });
        }
    }

    private static EngineJob extend(Path parentVideo, String prompt, String quality, Path workDir) {
        return EngineJob.builder("e", EngineJob.Kind.EXTEND).prompt(prompt).quality(quality).durationSeconds(5)
                .waterMark(WATER_MARK).parentVideo(parentVideo).workDir(workDir).build();
    }

    private static EngineResult render(EngineJob job) {
        long start = System.nanoTime();
        FakeEngineContext context = new FakeEngineContext();
        EngineResult result = engine.run(job, context);
        System.out.printf("%s %dx%d %d frames in %d ms%n", job.kind(), result.width(), result.height(),
                result.frames(), (System.nanoTime() - start) / 1_000_000);
        assertThat(context.progress).isSorted().endsWith(100);
        return result;
    }
}
