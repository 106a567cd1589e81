package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.HostedEngine;
import io.reelgate.server.engine.MediaResolver;
import io.reelgate.server.engine.UpstreamInFlight;
import io.reelgate.server.engine.UpstreamRequest;
import io.reelgate.server.engine.UpstreamRequestPlanner;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.engine.UpstreamWebhooks;
import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.media.OutputProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Fulfils tasks through fal's queue API (docs/engines.md, "fal"): submits the route's model input, follows the
 * request by polling (and by fal's signed webhook when a public base URL is set), and copies the finished video into
 * our storage in our format. Exists only when an API key is configured.
 */
@Component
@Conditional(FalSecretConfigured.class)
public class FalEngine extends HostedEngine implements UpstreamRequestPlanner, UpstreamWebhooks {

    public static final String NAME = "fal";
    private static final Logger log = LoggerFactory.getLogger(FalEngine.class);

    private final FalProperties properties;
    private final FalClient client;
    private final FalRequests requests;
    private final FalWebhookVerifier webhooks;
    private final UpstreamInFlight inFlight;
    private volatile boolean webhooksInUse;

    public FalEngine(FalProperties properties, OutputProperties output, UpstreamInFlight inFlight,
                     ObjectProvider<Clock> clock) {
        super(NAME, properties.taskTimeout(), output);
        this.properties = properties;
        this.inFlight = inFlight;
        this.client = new FalClient(properties, properties.secret(), SLEEP);
        this.requests = new FalRequests(properties);
        this.webhooks = new FalWebhookVerifier(client::jwks, clock.getIfAvailable(Clock::systemUTC));
        log.info("fal engine enabled: {}", properties.baseUrl());
    }

    @Override
    public UpstreamRequest plan(EngineJob job, MediaResolver media) {
        return requests.plan(job, media);
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        UpstreamRequest request = plan(job, new FalMedia(context, job.workDir(), properties.maxInputBytes(),
                () -> normalizer.startFrame(job)));
        if (job.webhookUrl() != null) {
            webhooksInUse = true;
        }
        try {
            String requestId = client.submit(request.path(), request.body(), job.webhookUrl());
            return FalRequestId.of(request.path(), requestId).toString();
        } catch (FalApiException e) {
            throw submitFailure(e);
        }
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        FalRequestId id = FalRequestId.parse(upstreamId);
        try {
            JsonNode status = client.status(id);
            UpstreamStatus reading = FalStatuses.ofStatus(upstreamId, status);
            if (reading != null) {
                return reading;
            }
            FalClient.Answer result = client.result(id);
            if (result.status() >= 500 && result.status() != 500 && result.status() != 504) {
                throw new EngineUnavailableException("fal is unavailable (HTTP " + result.status() + ")");
            }
            return FalStatuses.ofResult(upstreamId, result.status(), result.json(), FalStatuses.usage(status));
        } catch (FalApiException e) {
            if (!e.isTransient()) {
                log.warn("fal request {} cannot be read: {} {}", upstreamId, e.getMessage(), e.body());
            }
            throw pollFailure("fal", e);
        }
    }

    @Override
    public UpstreamWebhook verify(Map<String, String> headers, byte[] body) {
        webhooks.verify(headers, body);
        JsonNode delivery;
        try {
            delivery = FalClient.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new WebhookRejectedException("fal webhook body is not JSON");
        }
        String requestId = delivery.path("request_id").asString("");
        if (!requestId.equals(headers.get("x-fal-webhook-request-id"))) {
            throw new WebhookRejectedException("fal webhook body names another request than its signature");
        }
        // the delivery does not name the app: find the stored "app|request_id" among the tasks in flight
        String upstreamId = inFlight.upstreamIds(NAME).stream()
                .filter(id -> id.endsWith("|" + requestId)).findFirst().orElse(requestId);
        return new UpstreamWebhook(upstreamId, FalStatuses.ofWebhook(upstreamId, delivery));
    }

    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        return normalizer.collectedFrom(status.outputs().get(0), job, context, properties.maxOutputBytes(), "fal",
                Map.of());
    }

    @Override
    public void cancel(String upstreamId) {
        try {
            client.cancel(FalRequestId.parse(upstreamId));
            log.info("fal request {} cancelled", upstreamId);
        } catch (RuntimeException e) {
            log.warn("Cancelling fal request {} failed: {}", upstreamId, e.getMessage());
        }
    }

    /** With webhooks on, polling is only the safety net. */
    @Override
    public Duration pollInterval() {
        return webhooksInUse ? properties.webhookPollInterval() : properties.pollInterval();
    }

    private static EngineException submitFailure(FalApiException e) {
        log.info("fal refused a submit: {} {}", e.getMessage(), e.body());
        if (e.isTransient()) {
            return unavailable("fal", e);
        }
        return switch (e.status()) {
            case 400, 413, 422 -> new EngineException(EngineException.INPUT_REJECTED,
                    "fal refused the input (" + e.getMessage() + ")", e);
            default -> {
                log.error("fal refused a request ({}); check reelgate.engine.fal.* settings and the account",
                        e.getMessage());
                yield new EngineException(EngineException.INTERNAL, "Generation failed, please try again later", e);
            }
        };
    }
}
