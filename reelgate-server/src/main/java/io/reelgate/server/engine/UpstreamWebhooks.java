package io.reelgate.server.engine;

import java.util.Map;

/**
 * An asynchronous engine whose provider can report a task's end to a URL (fal's {@code fal_webhook}, Replicate's
 * {@code webhook}). The engine passes {@link EngineJob#webhookUrl()} on submit when it is set; Reelgate's webhook
 * endpoint hands each delivery here to be verified and read, then finishes the task as a poll would, idempotently.
 * Polling stays on as the safety net, at the engine's (longer) poll interval.
 */
public interface UpstreamWebhooks {

    /**
     * Verifies a delivery's signature and reads it.
     *
     * @param headers request headers, names in lower case, first value of each
     * @param body    the raw request body, exactly as received (signatures are over these bytes)
     * @return the upstream task it reports on and what it says
     * @throws WebhookRejectedException when the signature, timestamp or body is not acceptable; nothing changes
     */
    UpstreamWebhook verify(Map<String, String> headers, byte[] body);

    /** One verified delivery: the upstream id it names and its status, read like a poll answer. */
    record UpstreamWebhook(String upstreamId, UpstreamStatus status) {
    }
}
