package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineCancelledException;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.VideoEngine;
import io.reelgate.server.engine.VideoGeometry;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for a generative model: text prompts become a procedural animation seeded by the prompt,
 * reference images get a Ken Burns camera move chosen by the prompt. Output is an H.264 MP4 plus a JPEG cover.
 */
@Component
public class PreviewEngine implements VideoEngine {

    public static final String NAME = "preview";

    private final PreviewProperties properties;

    public PreviewEngine(PreviewProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineResult run(EngineJob job, EngineContext context) {
        VideoGeometry size;
        FramePainter painter;
        if (job.hasImage()) {
            Path input = job.workDir().resolve("input");
            context.download(job.imageUrl(), input, properties.maxImageBytes());
            BufferedImage image = ImageLoader.read(input);
            size = VideoGeometry.of(job.quality(), VideoGeometry.nearestAspectRatio(image.getWidth(), image.getHeight()));
            painter = new KenBurnsPainter(image, size.width(), size.height(), CameraMotion.fromPrompt(job.prompt()));
        } else {
            size = VideoGeometry.of(job.quality(), job.aspectRatio());
            painter = new ProceduralPainter(job.prompt(), size.width(), size.height());
        }
        WaterMarkPainter waterMark = job.hasWaterMark()
                ? new WaterMarkPainter(job.waterMark(), size.width(), size.height()) : null;
        return render(job, context, size, painter, waterMark);
    }

    private EngineResult render(EngineJob job, EngineContext context, VideoGeometry size, FramePainter painter,
                                WaterMarkPainter waterMark) {
        int fps = properties.fps();
        int frames = job.durationSeconds() * fps;
        int coverFrame = Math.min(fps, frames - 1);
        Path video = job.workDir().resolve("video.mp4");
        Path cover = job.workDir().resolve("cover.jpg");
        BufferedImage canvas = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
        int reported = -1;
        try (Mp4Writer writer = new Mp4Writer(video, size.width(), size.height(), fps,
                properties.bitrateFor(size.width(), size.height()))) {
            for (int i = 0; i < frames; i++) {
                if (context.cancelled()) {
                    throw new EngineCancelledException();
                }
                paintFrame(canvas, painter, waterMark, i / (double) fps, frames > 1 ? i / (double) (frames - 1) : 0);
                writer.write(canvas);
                if (i == coverFrame) {
                    writeCover(canvas, cover);
                }
                // 100 is left for the moment the file is complete
                int percent = (i + 1) * 99 / frames;
                if (percent != reported) {
                    context.progress(percent);
                    reported = percent;
                }
            }
            writer.finish();
        }
        context.progress(100);
        return new EngineResult(video, cover, size.width(), size.height(), frames, frames / (double) fps);
    }

    private static void paintFrame(BufferedImage canvas, FramePainter painter, WaterMarkPainter waterMark,
                                   double seconds, double progress) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            painter.paint(g, seconds, progress);
            if (waterMark != null) {
                waterMark.paint(g);
            }
        } finally {
            g.dispose();
        }
    }

    private static void writeCover(BufferedImage canvas, Path cover) {
        try {
            if (!ImageIO.write(canvas, "jpg", cover.toFile())) {
                throw new IOException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "Could not write the cover image", e);
        }
    }
}
