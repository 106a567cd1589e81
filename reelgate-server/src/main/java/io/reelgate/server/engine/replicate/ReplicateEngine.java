package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.HostedEngine;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.engine.UpstreamWebhooks;
import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.media.OutputProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fulfils tasks through Replicate's predictions API (docs/engines.md, "Replicate"): one create per task, polled (or
 * nudged by Replicate's signed webhook), the output copied home at once (Replicate deletes it after an hour) and
 * re-encoded to our format. Exists only when an API token is configured.
 */
@Component
@Conditional(ReplicateTokenConfigured.class)
public class ReplicateEngine extends HostedEngine implements UpstreamRequestPlanner, UpstreamWebhooks {

    public static final String NAME = "replicate";
    private static final Logger log = LoggerFactory.getLogger(ReplicateEngine.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReplicateProperties properties;
    private final ReplicateClient client;
    private final ReplicateRequests requests;
    private final ReplicateInputs inputs;
    private final ReplicateSubmission submission;
    private final ReplicateWebhookVerifier webhooks;
    private final boolean webhooksOn;

    public ReplicateEngine(ReplicateProperties properties, OutputProperties output, Clock clock,
                           @Value("${reelgate.api.public-base-url:}") String publicBaseUrl) {
        super(NAME, properties.taskTimeout(), output);
        this.properties = properties;
        this.client = new ReplicateClient(properties, SLEEP);
        this.requests = new ReplicateRequests(properties.defaultModels());
        this.inputs = new ReplicateInputs(client, properties.maxInputBytes());
        this.submission = new ReplicateSubmission(client, clock, properties.taskTimeout());
        this.webhooks = new ReplicateWebhookVerifier(new ReplicateWebhookSecret(properties, client), clock);
        this.webhooksOn = !publicBaseUrl.isBlank();
        log.info("Replicate engine enabled: {} (webhooks {})", properties.baseUrl(), webhooksOn ? "on" : "off");
    }

    @Override
    public UpstreamRequest plan(EngineJob job, MediaResolver media) {
        return requests.plan(job, media);
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        Path startFrame = null;
        EngineJob sent = job;
        if (job.kind() == EngineJob.Kind.EXTEND && job.parentVideo() != null) {
            // Replicate has no extend: image-to-video from the parent's last frame
            startFrame = normalizer.startFrame(job);
            sent = job.toBuilder().imageUrl(startFrame.toUri().toString()).build();
        }
        return submission.create(sent, plan(sent, inputs.resolver(sent, context, startFrame)));
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        try {
            return ReplicatePredictions.statusOf(client.get(upstreamId));
        } catch (ReplicateApiException e) {
            if (e.isTransient()) {
                throw new EngineUnavailableException("Replicate is unavailable (" + e.getMessage() + ")", e);
            }
            log.warn("Replicate prediction {} cannot be read: {}", upstreamId, e.getMessage());
            throw new EngineException(EngineException.INTERNAL, "Replicate lost track of the task", e);
        }
    }

    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        Path download = job.workDir().resolve("upstream-output");
        try {
            context.download(status.outputs().get(0), download, properties.maxOutputBytes(), "Replicate output");
        } catch (EngineException e) {
            if (OutboundRefusedException.forbiddenIn(e)) {
                throw new EngineException(EngineException.INTERNAL, "Replicate's result URL is not allowed", e);
            }
            throw new EngineUnavailableException("Could not download the result from Replicate (" + e.failMsg() + ")",
                    e);
        }
        return normalizer.collected(download, job, context);
    }

    @Override
    public void cancel(String upstreamId) {
        try {
            client.cancel(upstreamId);
            log.info("Replicate prediction {} cancelled", upstreamId);
        } catch (ReplicateApiException e) {
            log.warn("Cancelling Replicate prediction {} failed: {}", upstreamId, e.getMessage());
        }
    }

    @Override
    public UpstreamWebhook verify(Map<String, String> headers, byte[] body) {
        webhooks.verify(headers, body);
        JsonNode prediction;
        try {
            prediction = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new WebhookRejectedException("the body is not a prediction");
        }
        String id = prediction.path("id").asString("");
        if (id.isBlank()) {
            throw new WebhookRejectedException("the body names no prediction");
        }
        return new UpstreamWebhook(id, ReplicatePredictions.statusOf(prediction));
    }

    @Override
    public Duration pollInterval() {
        return webhooksOn ? properties.webhookPollInterval() : properties.pollInterval();
    }
}
