package io.reelgate.server.engine;

import io.reelgate.server.media.EncodedVideo;
import io.reelgate.server.media.LastFrame;
import io.reelgate.server.media.MediaException;
import io.reelgate.server.media.OutputNormalizer;
import io.reelgate.server.media.OutputProperties;
import java.nio.file.Path;

/**
 * What an upstream engine (Runway, ComfyUI) makes of the video it downloaded: Reelgate's own output
 * ({@link OutputNormalizer}) with the job's watermark, and for an extension the frame it started from.
 */
public final class UpstreamVideo {

    private final OutputNormalizer normalizer;

    public UpstreamVideo(OutputProperties properties) {
        this.normalizer = new OutputNormalizer(properties);
    }

    /** The result of {@code job} from the upstream's file; an extension also keeps the parent's last frame. */
    public EngineResult collected(Path download, EngineJob job, EngineContext context) {
        EncodedVideo video;
        try {
            video = normalizer.normalize(download, job.workDir(), job.waterMark(), context);
        } catch (MediaException e) {
            throw EngineException.of(e);
        }
        boolean extension = job.kind() == EngineJob.Kind.EXTEND && job.parentVideo() != null;
        return EngineResult.of(video, extension ? startFrame(job) : null);
    }

    /** An extension's start: the parent's last frame as {@code workDir/start-frame.jpg}. */
    public Path startFrame(EngineJob job) {
        try {
            return LastFrame.asJpeg(job.parentVideo(), job.workDir().resolve("start-frame.jpg"));
        } catch (MediaException e) {
            throw EngineException.of(e);
        }
    }
}
