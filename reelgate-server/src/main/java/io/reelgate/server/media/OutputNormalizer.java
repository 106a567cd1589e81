package io.reelgate.server.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/**
 * Turns a video another engine made (e.g. Runway's output) into what Reelgate hands out: H.264, yuv420p, index in
 * front, the watermark drawn by us, and a JPEG cover about one second in. Always re-encodes, so the result does not
 * depend on what the upstream chose to send this month.
 */
public final class OutputNormalizer {

    private static final SourceVideo.Failures UNUSABLE = new SourceVideo.Failures(false,
            "The upstream result is not a video", "The upstream result could not be decoded");
    /** 4K UHD, as for Aleph sources: beyond it one frame takes hundreds of megabytes. */
    private static final long MAX_PIXELS = 3840L * 2160;
    /** Upstream clips are 10 s (30 s for video-to-video); a longer one is cut rather than encoded for minutes. */
    private static final double MAX_SECONDS = 60;

    private final OutputProperties properties;

    public OutputNormalizer(OutputProperties properties) {
        this.properties = properties;
    }

    /**
     * Writes {@code workDir/video.mp4} and {@code workDir/cover.jpg} from {@code source}.
     *
     * @param waterMark text drawn bottom-right on every frame; empty or {@code null} for none
     */
    public EncodedVideo normalize(Path source, Path workDir, String waterMark, RenderControl control) {
        try (SourceVideo video = SourceVideo.open(source, UNUSABLE)) {
            // yuv420p needs even sides
            int width = video.width() & ~1;
            int height = video.height() & ~1;
            if ((long) width * height > MAX_PIXELS) {
                throw new MediaException(false, "The upstream result is too large to store", null);
            }
            return encode(video, workDir, width, height, WaterMarkPainter.of(waterMark, width, height), control);
        }
    }

    private EncodedVideo encode(SourceVideo source, Path workDir, int width, int height, WaterMarkPainter mark,
                                RenderControl control) {
        double fps = source.fps();
        int maxFrames = (int) Math.floor(MAX_SECONDS * fps);
        int coverFrame = (int) Math.round(fps);
        FrameProgress progress = new FrameProgress(control, Math.max(1, Math.min(source.declaredFrames(), maxFrames)));
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
                    mark.paintOn(canvas);
                }
                writer.write(canvas);
                if (written == 0 || written == coverFrame) {
                    // the first frame stands in until (or unless) the clip reaches the usual cover time
                    Jpeg.write(canvas, cover, "cover image");
                }
                written++;
            }
            if (written == 0) {
                throw UNUSABLE.undecodable(null);
            }
            writer.finish();
        }
        return new EncodedVideo(video, cover, width, height, written, written / fps);
    }
}
