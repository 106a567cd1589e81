package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UnsupportedInputException;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * What the fal engine's default endpoints take, checked at submit for tasks that name no registry model (KIE Runway
 * tasks routed to fal), so fal's refusal becomes a 422 naming the field before anything is sent or charged. A registry
 * model's route states what it accepts itself (docs/models.md, "Routes").
 */
@Component
@Conditional(FalSecretConfigured.class)
record FalCapabilities(FalProperties properties) implements EngineCapabilities {

    /** Kling's text-to-video ratios; its image-to-video follows the image (docs/engines.md, "fal"). */
    static final List<String> KLING_RATIOS = List.of("16:9", "9:16", "1:1");
    private static final String KLING = "fal-ai/kling-video/";

    @Override
    public String engine() {
        return FalEngine.NAME;
    }

    @Override
    public void check(EngineJob job) {
        if (!job.modelInput().isEmpty()) {
            return;
        }
        if (job.kind() == EngineJob.Kind.ALEPH) {
            throw new UnsupportedInputException("videoUrl", "video-to-video is not available with the fal engine");
        }
        boolean textToVideo = !job.hasImage() && job.kind() != EngineJob.Kind.EXTEND;
        String endpoint = properties.defaultModels().textToVideo();
        if (textToVideo && endpoint.startsWith(KLING) && job.aspectRatio() != null
                && !KLING_RATIOS.contains(job.aspectRatio())) {
            throw new UnsupportedInputException("aspectRatio", "aspectRatio " + job.aspectRatio()
                    + " is not available with the fal engine's " + endpoint + " (16:9, 9:16, 1:1)");
        }
    }
}
