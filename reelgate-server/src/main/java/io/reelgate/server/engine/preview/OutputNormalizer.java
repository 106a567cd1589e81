package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/**
 * Turns a video another engine made (e.g. Runway's output) into what Reelgate hands out: H.264, yuv420p, index in
 * front, the watermark drawn by us, and a JPEG cover about one second in. Always re-encodes, so the result does not
 * depend on what the upstream chose to send this month.
 */
public final class OutputNormalizer {

    private static final SourceVideo.Failures UNUSABLE = new SourceVideo.Failures(EngineException.INTERNAL,
            "The upstream result is not a video", "The upstream result could not be decoded");
    /** 4K UHD, as for Aleph sources: beyond it one frame takes hundreds of megabytes. */
    private static final long MAX_PIXELS = 3840L * 2160;
    /** Upstream clips are 10 s (30 s for video-to-video); a longer one is cut rather than encoded for minutes. */
    private static final double MAX_SECONDS = 60;

    private final PreviewProperties properties;

    public OutputNormalizer(PreviewProperties properties) {
        this.properties = properties;
    }

    /**
     * Writes {@code workDir/video.mp4} and {@code workDir/cover.jpg} from {@code source}.
     *
     * @param waterMark text drawn bottom-right on every frame; empty or {@code null} for none
     */
    public EngineResult normalize(Path source, Path workDir, String waterMark, EngineContext context) {
        try (SourceVideo video = SourceVideo.open(source, UNUSABLE)) {
            // yuv420p needs even sides
            int width = video.width() & ~1;
            int height = video.height() & ~1;
            if ((long) width * height > MAX_PIXELS) {
                throw new EngineException(EngineException.INTERNAL, "The upstream result is too large to store");
            }
            WaterMarkPainter mark = waterMark == null || waterMark.isEmpty() ? null
                    : new WaterMarkPainter(waterMark, width, height);
            return encode(video, workDir, width, height, mark, context);
        }
    }

    /**
     * What an upstream engine's downloaded result becomes: {@link #normalize} with the job's watermark, and for an
     * extension also the frame it started from (the parent's last frame), which Reelgate keeps with the result.
     */
    public EngineResult collected(Path download, EngineJob job, EngineContext context) {
        EngineResult result = normalize(download, job.workDir(), job.waterMark(), context);
        if (job.kind() != EngineJob.Kind.EXTEND || job.parentVideo() == null) {
            return result;
        }
        return new EngineResult(result.video(), result.cover(), result.width(), result.height(), result.frames(),
                result.durationSeconds(), startFrame(job));
    }

    /** An extension's start: the parent's last frame as {@code workDir/start-frame.jpg}. */
    public Path startFrame(EngineJob job) {
        return lastFrame(job.parentVideo(), job.workDir().resolve("start-frame.jpg"));
    }

    /** The last frame of a video as a JPEG, e.g. the frame an extension starts from. */
    public Path lastFrame(Path video, Path jpeg) {
        Jpeg.write(ExtensionRenderer.lastFrame(video), jpeg, "start frame");
        return jpeg;
    }

    private EngineResult encode(SourceVideo source, Path workDir, int width, int height, WaterMarkPainter mark,
                                EngineContext context) {
        double fps = source.fps();
        int maxFrames = (int) Math.floor(MAX_SECONDS * fps);
        int coverFrame = (int) Math.round(fps);
        FrameProgress progress = new FrameProgress(context, Math.max(1, Math.min(source.declaredFrames(), maxFrames)));
        Path video = workDir.resolve("video.mp4");
        Path cover = workDir.resolve("cover.jpg");
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        int written = 0;
        try (Mp4Writer writer = new Mp4Writer(video, width, height, fps, properties.bitrateFor(width, height))) {
            while (written < maxFrames && source.next()) {
                progress.checkCancelled();
                source.copy(0, 0, width, height, pixels);
                if (mark != null) {
                    paint(canvas, mark);
                }
                writer.write(canvas);
                if (written == 0 || written == coverFrame) {
                    // the first frame stands in until (or unless) the clip reaches the usual cover time
                    Jpeg.write(canvas, cover, "cover image");
                }
                written++;
            }
            if (written == 0) {
                throw new EngineException(UNUSABLE.failCode(), UNUSABLE.undecodable());
            }
            writer.finish();
        }
        return new EngineResult(video, cover, width, height, written, written / fps);
    }

    private static void paint(BufferedImage canvas, WaterMarkPainter mark) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            mark.paint(g);
        } finally {
            g.dispose();
        }
    }
}
