package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.media.Jpeg;
import io.reelgate.server.media.LastFrame;
import io.reelgate.server.media.WaterMarkPainter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Extends a clip this engine made earlier: the parent's last frame becomes the first frame of the new clip, and a
 * camera move chosen by the prompt continues from there. The size is the parent's, whatever quality the job names.
 */
final class ExtensionRenderer {

    private final ClipRenderer clips;

    ExtensionRenderer(ClipRenderer clips) {
        this.clips = clips;
    }

    EngineResult render(EngineJob job, EngineContext context) {
        BufferedImage start = LastFrame.of(job.parentVideo());
        Path startFrame = job.workDir().resolve("start-frame.jpg");
        Jpeg.write(start, startFrame, "start frame");
        int width = start.getWidth();
        int height = start.getHeight();
        FramePainter painter = new ContinuationPainter(start, CameraMotion.fromPrompt(job.prompt()));
        EngineResult clip = clips.render(job.workDir(), job.durationSeconds(), width, height, painter,
                WaterMarkPainter.of(job.waterMark(), width, height), context);
        return new EngineResult(clip.video(), clip.cover(), clip.width(), clip.height(), clip.frames(),
                clip.durationSeconds(), startFrame);
    }
}
