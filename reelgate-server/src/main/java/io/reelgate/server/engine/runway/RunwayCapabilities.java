package io.reelgate.server.engine.runway;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UnsupportedInputException;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * What the configured Runway models can do, checked when a task is routed to the runway engine, so a combination
 * Runway would refuse is a 422 naming the field at submit time rather than a failed task later.
 */
@Component
@Conditional(RunwaySecretConfigured.class)
class RunwayCapabilities implements EngineCapabilities {

    private final RunwayProperties properties;

    RunwayCapabilities(RunwayProperties properties) {
        this.properties = properties;
    }

    @Override
    public String engine() {
        return RunwayEngine.NAME;
    }

    @Override
    public void check(EngineJob job) {
        switch (job.kind()) {
            case GENERATE -> {
                if (job.hasImage()) {
                    RunwayProperties.ImageToVideo model = properties.imageToVideo();
                    common(job, model.model(), model.qualities(), model.durations(), model.maxPromptLength());
                } else {
                    RunwayProperties.TextToVideo model = properties.textToVideo();
                    common(job, model.model(), model.qualities(), model.durations(), model.maxPromptLength());
                    if (!model.ratioTable().containsKey(job.aspectRatio())) {
                        throw refused("aspectRatio", "aspectRatio " + job.aspectRatio(), model.model(),
                                "supports " + String.join(", ", model.ratioTable().keySet()));
                    }
                }
            }
            case EXTEND -> {
                RunwayProperties.ImageToVideo model = properties.imageToVideo();
                common(job, model.model(), model.qualities(), model.durations(), model.maxPromptLength());
            }
            case ALEPH -> aleph(job);
        }
    }

    private void aleph(EngineJob job) {
        RunwayProperties.VideoToVideo model = properties.videoToVideo();
        prompt(job, model.model(), model.maxPromptLength());
        if (job.aspectRatio() != null && !model.aspectRatios().contains(job.aspectRatio())) {
            throw refused("aspectRatio", "aspectRatio " + job.aspectRatio(), model.model(), model.aspectRatios().isEmpty()
                    ? "takes no aspect ratio" : "supports " + String.join(", ", model.aspectRatios()));
        }
        if (job.referenceImage() != null && "refuse".equals(model.referenceImage())) {
            throw refused("referenceImage", "referenceImage", model.model(), "has no style reference input");
        }
    }

    private static void common(EngineJob job, String model, List<String> qualities, List<Integer> durations,
                               int maxPromptLength) {
        prompt(job, model, maxPromptLength);
        if (job.quality() != null && !qualities.contains(job.quality())) {
            throw refused("quality", "quality " + job.quality(), model, "outputs " + String.join(", ", qualities));
        }
        if (!durations.contains(job.durationSeconds())) {
            throw refused("duration", "duration " + job.durationSeconds(), model, "supports "
                    + String.join(", ", durations.stream().map(String::valueOf).toList()) + " seconds");
        }
    }

    /** Runway counts prompt length in UTF-16 code units, as Java's String.length() does. */
    private static void prompt(EngineJob job, String model, int maxPromptLength) {
        if (job.prompt() != null && job.prompt().length() > maxPromptLength) {
            throw new UnsupportedInputException("prompt", "prompt must be at most " + maxPromptLength
                    + " characters with the runway engine (model " + model + "; got " + job.prompt().length() + ")");
        }
    }

    private static UnsupportedInputException refused(String field, String what, String model, String offer) {
        return new UnsupportedInputException(field, what + " is not available with the runway engine (model " + model
                + " " + offer + ")");
    }
}
