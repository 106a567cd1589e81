package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.RouteInputTemplate;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRoute;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The create request of a job, without I/O: official models go to {@code /models/{owner}/{name}/predictions}, a
 * version ({@code owner/name:<hex>}, a bare 64-hex id, or the route's {@code version} option) to {@code /predictions}.
 * The body is {@code {"input", "webhook", "webhook_events_filter"}}; the webhook keys only when Reelgate has a public
 * base URL.
 */
final class ReplicateRequests {

    private static final Pattern VERSION_ID = Pattern.compile("^[0-9a-f]{64}$");
    static final List<String> WEBHOOK_EVENTS = List.of("start", "completed");

    /** A KIE Runway task has no route: the default model gets seedance's input names (docs/engines.md). */
    static final Map<String, Object> DEFAULT_INPUT = defaultInput();

    private final ReplicateProperties.DefaultModels defaults;

    ReplicateRequests(ReplicateProperties.DefaultModels defaults) {
        this.defaults = defaults;
    }

    UpstreamRequest plan(EngineJob job, MediaResolver media) {
        if (job.kind() == EngineJob.Kind.ALEPH && job.route() == null) {
            throw new UnsupportedInputException("videoUrl", "The replicate engine has no default video-to-video model");
        }
        UpstreamRoute route = job.route();
        String model = route != null && route.upstreamModel() != null ? route.upstreamModel()
                : job.hasImage() || job.kind() == EngineJob.Kind.EXTEND ? defaults.imageToVideo() : defaults.textToVideo();
        Map<String, Object> template = route != null && !route.input().isEmpty() ? route.input() : DEFAULT_INPUT;
        Map<String, Object> body = new LinkedHashMap<>();
        String path = path(model, route == null ? null : route.option("version"), body);
        body.put("input", RouteInputTemplate.render(template, job, media));
        if (job.webhookUrl() != null) {
            body.put("webhook", job.webhookUrl());
            body.put("webhook_events_filter", WEBHOOK_EVENTS);
        }
        return new UpstreamRequest("POST", path, body);
    }

    /** Puts {@code version} into the body when the model is pinned to one, and answers the create path. */
    private static String path(String model, Object versionOption, Map<String, Object> body) {
        if (versionOption != null) {
            body.put("version", versionOption.toString());
            return "/predictions";
        }
        if (model.contains(":") || VERSION_ID.matcher(model).matches()) {
            body.put("version", model);
            return "/predictions";
        }
        String[] ownerName = model.split("/");
        if (ownerName.length != 2 || ownerName[0].isBlank() || ownerName[1].isBlank()) {
            throw new IllegalArgumentException("A Replicate model is owner/name or owner/name:<version> (got " + model
                    + ")");
        }
        return "/models/" + ownerName[0] + "/" + ownerName[1] + "/predictions";
    }

    private static Map<String, Object> defaultInput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", "${prompt}");
        input.put("image", "${imageUrl}");
        input.put("duration", "${duration|int}");
        input.put("resolution", "${resolution}");
        input.put("aspect_ratio", "${aspectRatio}");
        input.put("seed", "${seed}");
        return Collections.unmodifiableMap(input);
    }
}
