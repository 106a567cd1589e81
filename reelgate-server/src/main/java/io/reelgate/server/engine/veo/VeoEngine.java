package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.HostedEngine;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.media.OutputProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Fulfils tasks with Google's Veo models through the Gemini API's long-running operations (docs/engines.md, "Google
 * Veo"): images go inline as base64, the operation is polled, and the video (kept by Google for 2 days) is copied
 * home with the key sent to Google's host only. Exists only when an API key is configured.
 */
@Component
@Conditional(VeoKeyConfigured.class)
public class VeoEngine extends HostedEngine implements UpstreamRequestPlanner {

    public static final String NAME = "veo";
    private static final Logger log = LoggerFactory.getLogger(VeoEngine.class);

    private final VeoProperties properties;
    private final VeoClient client;
    private final VeoRequests requests;

    public VeoEngine(VeoProperties properties, OutputProperties output) {
        super(NAME, properties.taskTimeout(), output);
        this.properties = properties;
        this.client = new VeoClient(properties, properties.key(), SLEEP);
        this.requests = new VeoRequests(properties.defaultModel());
        log.info("Veo engine enabled: {} (default model {})", properties.baseUrl(), properties.defaultModel());
    }

    @Override
    public UpstreamRequest plan(EngineJob job, MediaResolver media) {
        return requests.plan(job, media);
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        MediaResolver media = new VeoMedia(job, context, normalizer, properties.maxInputBytes());
        String parentVideo = parentVideoUri(job);
        try {
            return create(requests.plan(job, media, parentVideo));
        } catch (VeoApiException e) {
            if (parentVideo == null || e.httpStatus() != 400) {
                throw submitFailure(e);
            }
            // Google refused the video (past its 2 days, or not extendable) and started nothing: use the last frame
            log.info("Task {}: Veo refused to extend the parent's video ({}); extending from its last frame",
                    job.taskId(), e.rpcStatus());
        }
        try {
            return create(requests.plan(job, media, null));
        } catch (VeoApiException e) {
            throw submitFailure(e);
        }
    }

    private String create(UpstreamRequest request) {
        String name = client.create(request.path(), request.body());
        return new VeoOperationId(name, VeoRequests.videoSeconds(request)).toString();
    }

    /**
     * For an extension of a video Veo made: the parent operation's video uri, which Veo extends itself (the file is
     * kept 2 days); {@code null} when there is none any more, and the extension continues from the last frame.
     */
    private String parentVideoUri(EngineJob job) {
        if (job.kind() != EngineJob.Kind.EXTEND || job.parentUpstreamId() == null) {
            return null;
        }
        String name = VeoOperationId.parse(job.parentUpstreamId()).name();
        try {
            String uri = VeoOperations.videoUri(client.operation(name));
            if (uri == null) {
                log.info("Task {}: Veo operation {} of the parent has no video; extending from its last frame",
                        job.taskId(), name);
            }
            return uri;
        } catch (VeoApiException e) {
            log.info("Task {}: Veo operation {} of the parent could not be read ({}); extending from its last frame",
                    job.taskId(), name, e.httpStatus());
            return null;
        }
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        VeoOperationId id = VeoOperationId.parse(upstreamId);
        JsonNode operation;
        try {
            operation = client.operation(id.name());
        } catch (VeoApiException e) {
            throw pollFailure("Veo", e);
        }
        return VeoOperations.statusOf(operation, id);
    }

    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        String uri = status.outputs().get(0);
        // the file endpoint needs the key; its redirect target must not get it, nor a uri on any other host
        Map<String, String> headers = onApiHost(uri) ? client.keyHeader() : Map.of();
        return normalizer.collectedFrom(uri, job, context, properties.maxOutputBytes(), "Veo", headers);
    }

    /** The Gemini API has no cancel for video operations: the generation runs on (and is billed) regardless. */
    @Override
    public void cancel(String upstreamId) {
        log.info("Veo operation {} cannot be cancelled upstream (the Gemini API has no cancel); it is abandoned",
                VeoOperationId.parse(upstreamId).name());
    }

    @Override
    public Duration pollInterval() {
        return properties.pollInterval();
    }

    private boolean onApiHost(String uri) {
        try {
            URI base = URI.create(properties.baseUrl());
            URI target = URI.create(uri);
            return "https".equalsIgnoreCase(target.getScheme()) == "https".equalsIgnoreCase(base.getScheme())
                    && Objects.equals(base.getHost(), target.getHost()) && base.getPort() == target.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static EngineException submitFailure(VeoApiException e) {
        if (e.isTransient()) {
            return unavailable("Veo", e);
        }
        if (e.httpStatus() == 0) {
            // sent but unanswered: it may have started a billed generation, so neither resend nor fail over
            return new EngineException(EngineException.INTERNAL,
                    "Veo did not confirm the task; it was not sent again, please try again later", e);
        }
        return switch (e.rpcStatus()) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> new EngineException(
                    EngineException.INPUT_REJECTED, "Veo refused the request (" + e.getMessage() + ")", e);
            // a bad key, no paid tier, an unknown model
            default -> operatorsToFix(log, "Veo", e);
        };
    }
}
