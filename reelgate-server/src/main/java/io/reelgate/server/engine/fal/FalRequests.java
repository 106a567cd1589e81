package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.RouteInputTemplate;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.engine.UpstreamRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans the submit of one job without I/O: the endpoint id (the route's upstream model, or a default model per mode
 * for a job without a fal route) and the model input, the route's template rendered (docs/engines.md, "fal").
 */
final class FalRequests {

    /** Stands for an extension's start frame (the parent's last frame) until the engine resolves it. */
    static final String START_FRAME = "reelgate:start-frame";

    private final FalProperties properties;

    FalRequests(FalProperties properties) {
        this.properties = properties;
    }

    UpstreamRequest plan(EngineJob job, MediaResolver media) {
        if (job.kind() == EngineJob.Kind.ALEPH) {
            throw new UnsupportedInputException("videoUrl", "The fal engine does not serve Aleph video-to-video tasks");
        }
        if (job.route() != null && job.route().upstreamModel() != null && !job.route().input().isEmpty()) {
            return new UpstreamRequest("POST", job.route().upstreamModel(),
                    RouteInputTemplate.render(job.route().input(), job, media));
        }
        return defaultRequest(job, media);
    }

    /**
     * A KIE Runway task: Kling's v2.1 input (prompt, image_url, duration "5"|"10", aspect_ratio on text-to-video).
     * An extension's start frame is the parent's last frame, resolved by the engine under the field {@code imageUrl}.
     */
    private UpstreamRequest defaultRequest(EngineJob job, MediaResolver media) {
        boolean withImage = job.hasImage() || job.kind() == EngineJob.Kind.EXTEND;
        String endpoint = job.route() != null && job.route().upstreamModel() != null ? job.route().upstreamModel()
                : withImage ? properties.defaultModels().imageToVideo() : properties.defaultModels().textToVideo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", job.prompt());
        if (withImage) {
            body.put("image_url", media.resolve(job.hasImage() ? job.imageUrl() : START_FRAME, "imageUrl"));
        } else if (job.aspectRatio() != null) {
            body.put("aspect_ratio", job.aspectRatio());
        }
        body.put("duration", job.durationSeconds() > 5 ? "10" : "5");
        return new UpstreamRequest("POST", endpoint, body);
    }
}
