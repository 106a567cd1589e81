package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.VideoGeometry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping from a Reelgate job to Runway request bodies, in one place (the table in {@code docs/engines.md}).
 * Inputs have been checked by {@link RunwayCapabilities} at submit time; assets arrive here as data URIs.
 */
final class RunwayRequests {

    static final String TEXT_TO_VIDEO = "text_to_video";
    static final String IMAGE_TO_VIDEO = "image_to_video";
    static final String VIDEO_TO_VIDEO = "video_to_video";

    private final RunwayProperties properties;

    RunwayRequests(RunwayProperties properties) {
        this.properties = properties;
    }

    /** Generate without an image: aspectRatio picks the ratio in output pixels ({@code 16:9 → 1280:720}). */
    Map<String, Object> textToVideo(EngineJob job) {
        RunwayProperties.TextToVideo model = properties.textToVideo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model.model());
        body.put("promptText", job.prompt());
        body.put("ratio", model.ratioTable().get(job.aspectRatio()));
        body.put("duration", job.durationSeconds());
        return body;
    }

    /**
     * Generate with an image, and extend from the parent's last frame. Runway centre-crops the image to the ratio,
     * which is the configured ratio nearest to the image's own shape (KIE lets the image decide the ratio).
     */
    Map<String, Object> imageToVideo(EngineJob job, String imageUri, int imageWidth, int imageHeight) {
        RunwayProperties.ImageToVideo model = properties.imageToVideo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model.model());
        body.put("promptImage", List.of(Map.of("uri", imageUri, "position", "first")));
        if (job.prompt() != null && !job.prompt().isBlank()) {
            body.put("promptText", job.prompt());
        }
        body.put("ratio", model.ratioTable().get(
                VideoGeometry.nearestAspectRatio(imageWidth, imageHeight, model.ratioTable().keySet())));
        body.put("duration", job.durationSeconds());
        return body;
    }

    /** Aleph: the source video, the prompt, the target ratio, the seed and (if configured) the reference image. */
    Map<String, Object> videoToVideo(EngineJob job, String videoUri, String referenceUri) {
        RunwayProperties.VideoToVideo model = properties.videoToVideo();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model.model());
        body.put("videoUri", videoUri);
        body.put("promptText", job.prompt());
        if (job.aspectRatio() != null) {
            body.put("targetAspectRatio", job.aspectRatio());
        }
        if (job.seed() != null && model.seed()) {
            body.put("seed", job.seed());
        }
        if (referenceUri != null) {
            switch (model.referenceImage()) {
                case "keyframe" -> body.put("keyframes", List.of(Map.of("at", 0.0, "uri", referenceUri)));
                case "references" -> body.put("references", List.of(Map.of("type", "image", "uri", referenceUri)));
                default -> throw new IllegalStateException("referenceImage should have been refused at submit");
            }
        }
        return body;
    }
}
