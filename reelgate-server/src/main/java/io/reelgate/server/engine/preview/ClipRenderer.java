package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.FrameProgress;
import io.reelgate.server.media.Jpeg;
import io.reelgate.server.media.Mp4Writer;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.media.WaterMarkPainter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Renders a clip frame by frame with a {@link FramePainter}: the loop shared by generated clips and extensions. */
final class ClipRenderer {

    private final PreviewProperties properties;
    private final OutputProperties output;

    ClipRenderer(PreviewProperties properties, OutputProperties output) {
        this.properties = properties;
        this.output = output;
    }

    /**
     * Writes {@code workDir/video.mp4} of {@code durationSeconds * fps} frames and {@code workDir/cover.jpg} from
     * about one second in.
     *
     * @param waterMark {@code null} for none
     */
    EngineResult render(Path workDir, int durationSeconds, int width, int height, FramePainter painter,
                        WaterMarkPainter waterMark, EngineContext context) {
        return render(workDir, durationSeconds, properties.fps(), width, height, painter, waterMark, context);
    }

    /** The same at a model's own frame rate. */
    EngineResult render(Path workDir, int durationSeconds, int fps, int width, int height, FramePainter painter,
                        WaterMarkPainter waterMark, EngineContext context) {
        int frames = durationSeconds * fps;
        int coverFrame = Math.min(fps, frames - 1);
        Path video = workDir.resolve("video.mp4");
        Path cover = workDir.resolve("cover.jpg");
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        FrameProgress progress = new FrameProgress(context, frames);
        try (Mp4Writer writer = new Mp4Writer(video, width, height, fps, output.bitrateFor(width, height))) {
            for (int i = 0; i < frames; i++) {
                progress.checkCancelled();
                paintFrame(canvas, painter, waterMark, i / (double) fps, frames > 1 ? i / (double) (frames - 1) : 0);
                writer.write(canvas);
                if (i == coverFrame) {
                    Jpeg.write(canvas, cover, "cover image");
                }
                progress.framesDone(i + 1);
            }
            writer.finish();
        }
        progress.finished();
        return new EngineResult(video, cover, width, height, frames, frames / (double) fps);
    }

    private static void paintFrame(BufferedImage canvas, FramePainter painter, WaterMarkPainter waterMark,
                                   double seconds, double progress) {
        painter.paint(canvas, seconds, progress);
        if (waterMark != null) {
            waterMark.paintOn(canvas);
        }
    }
}
