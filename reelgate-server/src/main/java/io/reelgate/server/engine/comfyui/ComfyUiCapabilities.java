package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UnsupportedInputException;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** What the configured workflows can do, checked at submit so the client gets a 422 naming the field. */
@Component
@Conditional(ComfyUiConfigured.class)
class ComfyUiCapabilities implements EngineCapabilities {

    private final ComfyUiProperties properties;

    ComfyUiCapabilities(ComfyUiProperties properties) {
        this.properties = properties;
    }

    @Override
    public String engine() {
        return ComfyUiEngine.NAME;
    }

    @Override
    public void check(EngineJob job) {
        ComfyUiProperties.Workflow workflow = switch (job.kind()) {
            case GENERATE -> job.hasImage() ? properties.imageToVideo() : properties.textToVideo();
            case EXTEND -> properties.imageToVideo();
            case ALEPH -> properties.videoToVideo();
        };
        List<String> qualities = workflow.qualities();
        if (job.quality() != null && !qualities.contains(job.quality())) {
            throw new UnsupportedInputException("quality", "quality " + job.quality() + " is not available with the "
                    + "comfyui engine (workflow " + workflow.template() + " outputs " + String.join(", ", qualities) + ")");
        }
        if (job.referenceImage() != null) {
            throw new UnsupportedInputException("referenceImage", "referenceImage is not available with the comfyui "
                    + "engine (the video-to-video workflow has no style reference input)");
        }
    }
}
