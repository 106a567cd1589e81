package io.reelgate.server.engine;

import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.media.EncodedVideo;
import io.reelgate.server.media.LastFrame;
import io.reelgate.server.media.MediaException;
import io.reelgate.server.media.OutputNormalizer;
import io.reelgate.server.media.OutputProperties;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * The result of {@code job} from {@code url}, a provider's output: downloaded into the work directory
     * ({@link #downloadResult}), then {@link #collected}.
     */
    public EngineResult collectedFrom(String url, EngineJob job, EngineContext context, long maxBytes, String provider,
                                      Map<String, String> originHeaders) {
        Path download = job.workDir().resolve("upstream-output");
        downloadResult(context, url, download, maxBytes, provider, originHeaders);
        return collected(download, job, context);
    }

    /**
     * Downloads a provider's result into {@code target} through the outbound guard. A result URL on a forbidden
     * address stays forbidden, so it fails the task now (400) rather than at the task timeout; any other failure (an
     * expired signed URL, a CDN hiccup) is transient, and the task is polled again for a fresh URL.
     *
     * @param provider      the provider's name in failure messages ({@code Runway}, {@code Veo})
     * @param originHeaders sent to the URL's own host only ({@link EngineContext#download(String, Path, long, String, Map)})
     */
    public static void downloadResult(EngineContext context, String url, Path target, long maxBytes, String provider,
                                      Map<String, String> originHeaders) {
        try {
            context.download(url, target, maxBytes, provider + " output", originHeaders);
        } catch (EngineException e) {
            if (OutboundRefusedException.forbiddenIn(e)) {
                throw new EngineException(EngineException.INPUT_REJECTED, provider + "'s result URL is not allowed ("
                        + e.failMsg() + ")", e);
            }
            throw new EngineUnavailableException("Could not download the result from " + provider + " (" + e.failMsg()
                    + ")", e);
        }
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
