package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.RouteInputTemplate;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.engine.UpstreamRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code predictLongRunning} body of a job (docs/engines.md, "Google Veo: mapping"). The route's {@code input}
 * template is the {@code parameters} object; the instance (prompt, first and last frame, reference images wrapped
 * as {@code {"image", "referenceType": "asset"}}, an extension's parent video) is built here, because a template
 * cannot wrap list elements.
 * The seed is dropped: the Gemini API has none.
 */
final class VeoRequests {

    /** The parameters of a job whose route has no template (KIE Runway tasks). */
    static final Map<String, Object> DEFAULT_PARAMETERS = Map.of("aspectRatio", "${aspectRatio}",
            "resolution", "${resolution}", "durationSeconds", "${duration}");
    /** What an extension's start image is resolved from: the parent's last frame, not a URL of the user's. */
    static final String PARENT_FRAME_FIELD = "parentVideo";

    private final String defaultModel;

    VeoRequests(String defaultModel) {
        this.defaultModel = defaultModel;
    }

    UpstreamRequest plan(EngineJob job, MediaResolver media) {
        return plan(job, media, null);
    }

    /**
     * @param parentVideoUri an extension's parent as Veo made it (its file uri): Veo extends that video itself;
     *                       {@code null} when the parent was not made by Veo or is gone, then the extension starts
     *                       from the parent's last frame
     */
    UpstreamRequest plan(EngineJob job, MediaResolver media, String parentVideoUri) {
        if (job.kind() == EngineJob.Kind.ALEPH) {
            throw new UnsupportedInputException("videoUrl", "video-to-video is not available with the veo engine");
        }
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("prompt", job.prompt());
        if (job.kind() == EngineJob.Kind.EXTEND && parentVideoUri != null) {
            instance.put("video", Map.of("uri", parentVideoUri));
        } else if (job.kind() == EngineJob.Kind.EXTEND) {
            instance.put("image", media.resolve(String.valueOf(job.parentVideo()), PARENT_FRAME_FIELD));
        } else if (job.hasImage()) {
            instance.put("image", media.resolve(job.imageUrl(), "imageUrl"));
        }
        if (job.hasLastFrame()) {
            instance.put("lastFrame", media.resolve(job.lastFrameUrl(), "lastFrameUrl"));
        }
        if (!job.referenceImageUrls().isEmpty()) {
            List<Object> references = new ArrayList<>();
            for (String url : job.referenceImageUrls()) {
                references.add(Map.of("image", media.resolve(url, "referenceImageUrls"), "referenceType", "asset"));
            }
            instance.put("referenceImages", references);
        }
        Map<String, Object> template = job.route() == null || job.route().input().isEmpty() ? DEFAULT_PARAMETERS
                : job.route().input();
        Map<String, Object> parameters = new LinkedHashMap<>(RouteInputTemplate.render(template, job, media));
        // text-to-video and extension allow all; any image input only adults (docs/engines.md, "Google Veo")
        boolean images = instance.keySet().stream().anyMatch(key -> !key.equals("prompt") && !key.equals("video"));
        parameters.putIfAbsent("personGeneration", images ? "allow_adult" : "allow_all");
        return new UpstreamRequest("POST", "models/" + model(job) + ":predictLongRunning",
                Map.of("instances", List.of(instance), "parameters", parameters));
    }

    String model(EngineJob job) {
        return job.route() != null && job.route().upstreamModel() != null ? job.route().upstreamModel() : defaultModel;
    }

    /** The seconds Google generates: the sent {@code durationSeconds}, else its default of 8. */
    static int videoSeconds(UpstreamRequest request) {
        Object parameters = request.body().get("parameters");
        if (parameters instanceof Map<?, ?> map && map.get("durationSeconds") != null) {
            try {
                return Integer.parseInt(String.valueOf(map.get("durationSeconds")));
            } catch (NumberFormatException e) {
                return 8;
            }
        }
        return 8;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
