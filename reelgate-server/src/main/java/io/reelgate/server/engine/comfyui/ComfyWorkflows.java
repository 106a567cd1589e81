package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.VideoGeometry;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three configured workflows (text-to-video, image-to-video, video-to-video), loaded and checked at start-up,
 * and how a job fills its workflow's placeholders: size and frame count follow the workflow's model family.
 */
final class ComfyWorkflows {

    /** A workflow's settings with its parsed template. */
    record Loaded(ComfyUiProperties.Workflow settings, WorkflowTemplate template) {

        ModelFamily family() {
            return settings.modelFamily();
        }
    }

    private final Loaded textToVideo;
    private final Loaded imageToVideo;
    private final Loaded videoToVideo;
    private final String negativePrompt;

    ComfyWorkflows(ComfyUiProperties properties) {
        this.textToVideo = load(properties.textToVideo(), null);
        this.imageToVideo = load(properties.imageToVideo(), "image");
        this.videoToVideo = load(properties.videoToVideo(), "video");
        this.negativePrompt = properties.negativePrompt();
    }

    /** Generate with an image and extend share the image-to-video workflow; Aleph uses the video one. */
    Loaded forJob(EngineJob job) {
        return switch (job.kind()) {
            case GENERATE -> job.hasImage() ? imageToVideo : textToVideo;
            case EXTEND -> imageToVideo;
            case ALEPH -> videoToVideo;
        };
    }

    /** @param inputName the uploaded input's name in ComfyUI, or {@code null} without an input */
    ObjectNode fill(EngineJob job, ComfyInput input, String inputName, long seed) {
        Loaded workflow = forJob(job);
        ModelFamily family = workflow.family();
        VideoGeometry size = family.size(job.quality(), input.aspectRatio());
        Map<String, Object> values = new HashMap<>();
        values.put("prompt", job.prompt() == null ? "" : job.prompt());
        values.put("negative_prompt", negativePrompt);
        values.put("seed", seed);
        values.put("width", size.width());
        values.put("height", size.height());
        values.put("frames", family.frames(job.durationSeconds()));
        values.put("fps", family.fps());
        // a folder keeps Reelgate's files apart in output/; the task id keeps each job's counter apart
        // (docs/upstreams.md, "ComfyUI: video outputs")
        values.put("filename_prefix", "reelgate/" + job.taskId());
        if (input.placeholder() != null) {
            values.put(input.placeholder(), inputName);
        }
        return workflow.template().fill(values);
    }

    private static Loaded load(ComfyUiProperties.Workflow settings, String input) {
        WorkflowTemplate template = ComfyTemplates.load(settings.template(), input);
        for (String other : new String[] {"image", "video"}) {
            if (!other.equals(input) && template.uses(other)) {
                throw new IllegalArgumentException("ComfyUI template " + settings.template() + " uses {{" + other
                        + "}}, which the task kind it is configured for does not have");
            }
        }
        return new Loaded(settings, template);
    }
}
