package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.WebhookRejectedException;
import java.util.function.Supplier;

/**
 * The account's webhook signing secret: the configured one, else fetched once from
 * {@code GET /webhooks/default/secret} and kept (it is per account and stable). A failed fetch is not kept.
 */
final class ReplicateWebhookSecret implements Supplier<String> {

    private final ReplicateProperties properties;
    private final ReplicateClient client;
    private volatile String cached;

    ReplicateWebhookSecret(ReplicateProperties properties, ReplicateClient client) {
        this.properties = properties;
        this.client = client;
    }

    @Override
    public String get() {
        String secret = cached;
        if (secret == null) {
            secret = properties.configuredWebhookSecret();
            if (secret == null) {
                try {
                    secret = client.webhookSecret();
                } catch (ReplicateApiException e) {
                    throw new WebhookRejectedException("the Replicate webhook secret could not be fetched ("
                            + e.httpStatus() + ")");
                }
                if (secret.isBlank()) {
                    throw new WebhookRejectedException("Replicate answered no webhook secret");
                }
            }
            cached = secret;
        }
        return secret;
    }
}
