package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.HostedEngine;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.media.OutputProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Fulfils tasks through Runway's official API: submits text-, image- or video-to-video tasks, maps Runway's task
 * status to ours, and copies the finished video into our storage (Runway's URLs expire within a day or two),
 * re-encoded to our format with our watermark. Exists only when an API secret is configured.
 */
@Component
@Conditional(RunwaySecretConfigured.class)
public class RunwayEngine extends HostedEngine {

    public static final String NAME = "runway";
    private static final Logger log = LoggerFactory.getLogger(RunwayEngine.class);

    private final RunwayProperties properties;
    private final RunwayClient client;
    private final RunwayRequests requests;

    public RunwayEngine(RunwayProperties properties, OutputProperties output) {
        super(NAME, properties.taskTimeout(), output);
        this.properties = properties;
        this.client = new RunwayClient(properties, properties.secret(), SLEEP);
        this.requests = new RunwayRequests(properties);
        log.info("Runway engine enabled: {} (version {})", properties.baseUrl(), properties.apiVersion());
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        String endpoint;
        Map<String, Object> body;
        switch (job.kind()) {
            case GENERATE -> {
                if (job.hasImage()) {
                    RunwayAssets.Image image = RunwayAssets.image(context, job.imageUrl(), job.workDir(),
                            properties.maxInputBytes(), "image");
                    endpoint = RunwayRequests.IMAGE_TO_VIDEO;
                    body = requests.imageToVideo(job, image.uri(), image.width(), image.height());
                } else {
                    endpoint = RunwayRequests.TEXT_TO_VIDEO;
                    body = requests.textToVideo(job);
                }
            }
            case EXTEND -> {
                // Runway has no extend endpoint: image-to-video from the parent's last frame
                Path frame = normalizer.startFrame(job);
                RunwayAssets.Image image = RunwayAssets.image(frame, "start frame");
                endpoint = RunwayRequests.IMAGE_TO_VIDEO;
                body = requests.imageToVideo(job, image.uri(), image.width(), image.height());
            }
            case ALEPH -> {
                String video = RunwayAssets.video(context, job.videoUrl(), job.workDir(), properties.maxInputBytes());
                String reference = job.referenceImage() == null ? null : RunwayAssets.image(context,
                        job.referenceImage(), job.workDir(), properties.maxInputBytes(), "reference image").uri();
                endpoint = RunwayRequests.VIDEO_TO_VIDEO;
                body = requests.videoToVideo(job, video, reference);
            }
            default -> throw new IllegalStateException("Unknown kind " + job.kind());
        }
        try {
            return client.create(endpoint, body);
        } catch (RunwayApiException e) {
            throw submitFailure(e);
        }
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        RunwayTask task;
        try {
            task = client.get(upstreamId);
        } catch (RunwayApiException e) {
            throw pollFailure("Runway", e);
        }
        return statusOf(task);
    }

    /**
     * Runway's task status → ours (docs/upstreams.md, "Runway: tasks"). PENDING and THROTTLED wait; RUNNING reports
     * progress 0..1.
     */
    static UpstreamStatus statusOf(RunwayTask task) {
        String status = task.status() == null ? "" : task.status();
        return switch (status) {
            case "PENDING", "THROTTLED" -> UpstreamStatus.queued(status);
            case "RUNNING" -> UpstreamStatus.running(status,
                    task.progress() == null ? 0 : (int) Math.max(0, Math.min(99, Math.floor(task.progress() * 100))));
            case "SUCCEEDED" -> task.output() == null || task.output().isEmpty()
                    ? UpstreamStatus.failed(status, EngineException.INTERNAL, "Runway finished without a video")
                    : UpstreamStatus.succeeded(status, task.output());
            case "FAILED" -> failed(task);
            case "CANCELLED" -> UpstreamStatus.failed(status, EngineException.INTERNAL,
                    "Generation was cancelled upstream, please try again later");
            default -> UpstreamStatus.queued(status);
        };
    }

    /**
     * Runway's {@code failure} text is not meant for end users (docs/upstreams.md, "Runway: tasks"), so the message is
     * ours, chosen by the {@code failureCode} family; moderation and unusable inputs are the user's (400), the rest
     * internal (500).
     */
    private static UpstreamStatus failed(RunwayTask task) {
        String code = task.failureCode() == null ? "" : task.failureCode();
        log.info("Runway task {} failed: {} ({})", task.id(), task.failure(), code.isEmpty() ? "no failureCode" : code);
        String suffix = code.isEmpty() ? "" : " (" + code + ")";
        if (code.startsWith("SAFETY.INPUT") || code.startsWith("INPUT_PREPROCESSING.SAFETY")) {
            return UpstreamStatus.failed("FAILED", EngineException.INPUT_REJECTED,
                    "The input was rejected by content moderation" + suffix);
        }
        if (code.startsWith("SAFETY.OUTPUT")) {
            return UpstreamStatus.failed("FAILED", EngineException.INPUT_REJECTED,
                    "The generated video was rejected by content moderation; try a different prompt" + suffix);
        }
        if (code.startsWith("ASSET.")) {
            return UpstreamStatus.failed("FAILED", EngineException.INPUT_REJECTED,
                    "An input image or video could not be used" + suffix);
        }
        return UpstreamStatus.failed("FAILED", EngineException.INTERNAL,
                "Generation failed upstream, please try again later" + suffix);
    }

    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        return normalizer.collectedFrom(status.outputs().get(0), job, context, properties.maxOutputBytes(), "Runway",
                Map.of());
    }

    @Override
    public void cancel(String upstreamId) {
        try {
            client.delete(upstreamId);
            log.info("Runway task {} cancelled", upstreamId);
        } catch (RunwayApiException e) {
            log.warn("Cancelling Runway task {} failed: {}", upstreamId, e.getMessage());
        }
    }

    @Override
    public Duration pollInterval() {
        return properties.pollInterval();
    }

    private static EngineException submitFailure(RunwayApiException e) {
        if (e.isTransient()) {
            return unavailable("Runway", e);
        }
        return switch (e.status()) {
            // the request was Runway's to judge: the input (or a model/value combination) was refused
            case 400, 413 -> e.getMessage().contains("enough credits")
                    ? new EngineException(EngineException.INTERNAL, "Generation failed, please try again later", e)
                    : new EngineException(EngineException.INPUT_REJECTED, "Runway refused the task: " + e.getMessage(), e);
            // a bad key, a model not enabled for the account: the operator's to fix, not the user's
            default -> operatorsToFix(log, "Runway", e);
        };
    }
}
