package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.FrameProgress;
import io.reelgate.server.media.Jpeg;
import io.reelgate.server.media.Mp4Writer;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.media.SourceVideo;
import io.reelgate.server.media.WaterMarkPainter;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;

/**
 * Aleph placeholder: restyles the first seconds of the user's video with the effects its prompt names (see
 * {@link AlephEffect}), keeping the source's frame rate and size (or a centred crop to the requested aspect ratio).
 * One source frame becomes one output frame; with {@link AlephEffect#SLOW_MOTION} only the first half of the span is
 * read and every frame is written twice, so the output is as long as without it.
 */
final class AlephRenderer {

    private static final SourceVideo.Failures NOT_USABLE = new SourceVideo.Failures(true,
            "The source file is not a video", "The source video could not be decoded");
    /** 4K UHD: beyond it one frame and its blur buffers would take hundreds of megabytes. */
    private static final long MAX_PIXELS = 3840L * 2160;
    /** How {@link EngineContext#download} words its failures; the reason after it is kept. */
    private final PreviewProperties properties;
    private final OutputProperties output;

    AlephRenderer(PreviewProperties properties, OutputProperties output) {
        this.properties = properties;
        this.output = output;
    }

    EngineResult render(EngineJob job, EngineContext context) {
        Path sourceFile = job.workDir().resolve("source");
        context.download(job.videoUrl(), sourceFile, properties.maxVideoBytes(), "video");
        int[] referenceRgb = ReferenceColour.of(job, context, properties.maxImageBytes());
        List<AlephEffect> effects = AlephEffect.fromPrompt(job.prompt());
        boolean slowMotion = effects.contains(AlephEffect.SLOW_MOTION);
        long seed = job.seed() != null ? job.seed() : ProceduralPainter.seedOf(job.prompt());
        try (SourceVideo source = SourceVideo.open(sourceFile, NOT_USABLE)) {
            if ((long) source.width() * source.height() > MAX_PIXELS) {
                throw new EngineException(EngineException.INPUT_REJECTED, "Video resolution is too large");
            }
            CenterCrop crop = CenterCrop.of(source.width(), source.height(), job.aspectRatio());
            FrameStyler styler = new FrameStyler(effects, referenceRgb, seed, crop.width(), crop.height());
            WaterMarkPainter waterMark = WaterMarkPainter.of(job.waterMark(), crop.width(), crop.height());
            return encode(job, context, source, crop, styler, waterMark, slowMotion);
        }
    }

    private EngineResult encode(EngineJob job, EngineContext context, SourceVideo source, CenterCrop crop,
                                FrameStyler styler, WaterMarkPainter waterMark, boolean slowMotion) {
        double fps = source.fps();
        double spanSeconds = slowMotion ? job.durationSeconds() / 2.0 : job.durationSeconds();
        // a frame belongs to the span when it starts in it; half a frame of slack absorbs rounded timestamps
        long spanEndMicros = Math.round((spanSeconds - 0.5 / fps) * 1e6);
        // never more frames than fit in the span at the output rate, so the clip stays within the requested seconds
        int maxSourceFrames = Math.max(1, (int) Math.floor(spanSeconds * fps + 1e-6));
        int copies = slowMotion ? 2 : 1;
        int declared = source.declaredFrames();
        FrameProgress progress = new FrameProgress(context,
                copies * (declared > 0 ? Math.min(declared, maxSourceFrames) : maxSourceFrames));
        int coverFrame = (int) Math.round(fps);
        Path video = job.workDir().resolve("video.mp4");
        Path cover = job.workDir().resolve("cover.jpg");
        BufferedImage canvas = new BufferedImage(crop.width(), crop.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        BufferedImage firstFrame = null;
        int sourceFrames = 0;
        int written = 0;
        try (Mp4Writer writer = new Mp4Writer(video, crop.width(), crop.height(), fps,
                output.bitrateFor(crop.width(), crop.height()))) {
            while (sourceFrames < maxSourceFrames) {
                progress.checkCancelled();
                if (!source.next() || source.elapsedMicros() >= spanEndMicros) {
                    break;
                }
                source.copy(crop.left(), crop.top(), crop.width(), crop.height(), pixels);
                styler.apply(pixels, sourceFrames);
                if (waterMark != null) {
                    waterMark.paintOn(canvas);
                }
                for (int copy = 0; copy < copies; copy++) {
                    writer.write(canvas);
                    if (written == coverFrame) {
                        Jpeg.write(canvas, cover, "cover image");
                    }
                    written++;
                }
                if (sourceFrames == 0) {
                    firstFrame = ImageScaler.scale(canvas, 1.0);
                }
                sourceFrames++;
                progress.framesDone(written);
            }
            if (sourceFrames == 0) {
                throw new EngineException(EngineException.INPUT_REJECTED, NOT_USABLE.undecodable());
            }
            writer.finish();
        }
        if (written <= coverFrame) {
            // shorter than the usual cover time: the first frame stands in
            Jpeg.write(firstFrame, cover, "cover image");
        }
        progress.finished();
        return new EngineResult(video, cover, crop.width(), crop.height(), written, written / fps);
    }
}
