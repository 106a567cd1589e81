package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

/**
 * Extends a clip this engine made earlier: the parent's last frame becomes the first frame of the new clip, and a
 * camera move chosen by the prompt continues from there. The size is the parent's, whatever quality the job names.
 */
final class ExtensionRenderer {

    private static final SourceVideo.Failures UNREADABLE = new SourceVideo.Failures(EngineException.INTERNAL,
            "The video to extend could not be read", "The video to extend could not be read");

    private final ClipRenderer clips;

    ExtensionRenderer(ClipRenderer clips) {
        this.clips = clips;
    }

    EngineResult render(EngineJob job, EngineContext context) {
        BufferedImage start = lastFrame(job.parentVideo());
        Path startFrame = job.workDir().resolve("start-frame.jpg");
        Jpeg.write(start, startFrame, "start frame");
        int width = start.getWidth();
        int height = start.getHeight();
        FramePainter painter = new ContinuationPainter(start, CameraMotion.fromPrompt(job.prompt()));
        EngineResult clip = clips.render(job.workDir(), job.durationSeconds(), width, height, painter,
                WaterMarkPainter.of(job, width, height), context);
        return new EngineResult(clip.video(), clip.cover(), clip.width(), clip.height(), clip.frames(),
                clip.durationSeconds(), startFrame);
    }

    /** Decodes the whole parent, which is short, because only the decoder knows which frame is really last. */
    static BufferedImage lastFrame(Path video) {
        try (SourceVideo source = SourceVideo.open(video, UNREADABLE)) {
            BufferedImage frame = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            boolean any = false;
            while (source.next()) {
                source.copy(0, 0, source.width(), source.height(), pixels);
                any = true;
            }
            if (!any) {
                throw new EngineException(UNREADABLE.failCode(), UNREADABLE.undecodable());
            }
            return frame;
        }
    }
}
