package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Sends a job's create once and answers the prediction id. Replicate has no idempotency key, so a create whose
 * outcome is unknown (timed out after sending, 5xx) is reconciled instead of re-sent: the predictions created since
 * just before the send are listed and the one carrying this task's webhook URL is adopted. Failing over (another
 * engine, or this one later) happens only when the listing proves nothing was created (docs/engines.md).
 */
final class ReplicateSubmission {

    private static final Logger log = LoggerFactory.getLogger(ReplicateSubmission.class);
    /** Replicate's clock may run a little behind ours. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private final ReplicateClient client;
    private final Clock clock;
    private final Duration cancelAfter;

    ReplicateSubmission(ReplicateClient client, Clock clock, Duration cancelAfter) {
        this.client = client;
        this.clock = clock;
        this.cancelAfter = cancelAfter;
    }

    String create(EngineJob job, UpstreamRequest request) {
        Instant sentAt = clock.instant().minus(CLOCK_SLACK);
        try {
            return idOf(client.create(request.path(), request.body(), cancelAfter));
        } catch (ReplicateApiException e) {
            if (e.outcomeUnknown()) {
                return reconcile(job, sentAt, e);
            }
            throw failure(job, e);
        }
    }

    private String reconcile(EngineJob job, Instant sentAt, ReplicateApiException cause) {
        JsonNode recent;
        try {
            recent = client.listCreatedAfter(sentAt).path("results");
        } catch (ReplicateApiException e) {
            log.error("Task {}: Replicate create ended unclear ({}) and predictions cannot be listed ({}); not sending "
                    + "it again", job.taskId(), cause.getMessage(), e.getMessage());
            throw new EngineException(EngineException.INTERNAL, "Generation could not be confirmed upstream", e);
        }
        if (job.webhookUrl() != null) {
            for (JsonNode prediction : recent) {
                if (job.webhookUrl().equals(prediction.path("webhook").asString(""))) {
                    log.info("Task {}: Replicate create ended unclear ({}); adopted prediction {} carrying its webhook",
                            job.taskId(), cause.getMessage(), prediction.path("id").asString(""));
                    return idOf(prediction);
                }
            }
            throw nothingCreated(job, cause);
        }
        if (recent.isEmpty()) {
            throw nothingCreated(job, cause);
        }
        log.error("Task {}: Replicate create ended unclear ({}) and {} predictions since cannot be told apart without "
                + "a webhook URL; not sending it again", job.taskId(), cause.getMessage(), recent.size());
        throw new EngineException(EngineException.INTERNAL, "Generation could not be confirmed upstream", cause);
    }

    private static EngineUnavailableException nothingCreated(EngineJob job, ReplicateApiException cause) {
        log.warn("Task {}: Replicate create ended unclear ({}); no prediction of it was created", job.taskId(),
                cause.getMessage());
        return new EngineUnavailableException("Replicate is unavailable, please try again later", cause);
    }

    private static String idOf(JsonNode prediction) {
        String id = prediction.path("id").asString("");
        if (id.isBlank()) {
            throw new EngineException(EngineException.INTERNAL, "Replicate answered without a prediction id");
        }
        return id;
    }

    /** 422 input validation and 400/413 are the user's input; a bad token, credit or model is the operator's. */
    private static EngineException failure(EngineJob job, ReplicateApiException e) {
        if (e.isTransient()) {
            return new EngineUnavailableException("Replicate is unavailable, please try again later", e);
        }
        log.warn("Task {}: Replicate refused the create: {}", job.taskId(), e.getMessage());
        return switch (e.status()) {
            case 400, 413 -> new EngineException(EngineException.INPUT_REJECTED, "Replicate refused the task input", e);
            case 422 -> e.getMessage().contains("input")
                    ? new EngineException(EngineException.INPUT_REJECTED, "Replicate refused the task input", e)
                    : operators(e);
            default -> operators(e);
        };
    }

    private static EngineException operators(ReplicateApiException e) {
        log.error("Replicate refused a request ({}); check reelgate.engine.replicate.* settings and the routes' models",
                e.getMessage());
        return new EngineException(EngineException.INTERNAL, "Generation failed, please try again later", e);
    }
}
