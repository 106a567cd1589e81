package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.ConfiguredSecret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Replicate engine ({@code reelgate.engine.replicate.*}, docs/engines.md "Replicate"). The engine
 * exists only when an API token is set.
 *
 * @param apiToken            the API token ({@code r8_…}); never logged (see {@link #toString()}) nor stored
 * @param apiTokenFile        a file holding the token instead
 * @param webhookSecret       the account's webhook signing secret ({@code whsec_…}); when unset it is fetched once
 *                            from {@code GET /webhooks/default/secret}
 * @param webhookSecretFile   a file holding the webhook secret instead
 * @param baseUrl             the API root; operator configuration, not subject to the outbound guard
 * @param requestTimeout      time allowed for one HTTP exchange
 * @param maxRetries          retries of a request answered 429 or not connected
 * @param retryBackoff        first retry delay, doubled per retry; {@code Retry-After} wins
 * @param maxRetryBackoff     longest wait between retries, also the cap on {@code Retry-After}
 * @param pollInterval        polling when Replicate cannot call back (no public base URL)
 * @param webhookPollInterval safety-net polling when webhooks are on
 * @param taskTimeout         deadline from submission; also sent as {@code Cancel-After}
 * @param maxOutputBytes      largest result downloaded
 * @param maxInputBytes       largest user image or video fetched to pass on
 * @param defaultModels       models for tasks without a route (KIE Runway tasks), per mode
 */
@ConfigurationProperties("reelgate.engine.replicate")
public record ReplicateProperties(
        String apiToken,
        String apiTokenFile,
        String webhookSecret,
        String webhookSecretFile,
        @DefaultValue("https://api.replicate.com/v1") String baseUrl,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryBackoff,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("60s") Duration webhookPollInterval,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("209715200") long maxOutputBytes,
        @DefaultValue("104857600") long maxInputBytes,
        @DefaultValue DefaultModels defaultModels) {

    public ReplicateProperties {
        if (maxRetries < 0 || taskTimeout.toSeconds() < 5 || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("reelgate.engine.replicate.max-retries/task-timeout (at least 5s, "
                    + "Replicate's minimum Cancel-After)/poll-interval out of range");
        }
    }

    /** Seedance takes prompt, image, duration 2..12, resolution, aspect ratio and seed: every KIE Runway task fits. */
    public record DefaultModels(
            @DefaultValue("bytedance/seedance-1-pro") String textToVideo,
            @DefaultValue("bytedance/seedance-1-pro") String imageToVideo) {
    }

    String token() {
        return secret(apiToken, apiTokenFile, "api-token");
    }

    /** The configured webhook secret, or {@code null} when it is to be fetched from Replicate. */
    String configuredWebhookSecret() {
        boolean set = ConfiguredSecret.hasText(webhookSecret) || ConfiguredSecret.hasText(webhookSecretFile);
        return set ? secret(webhookSecret, webhookSecretFile, "webhook-secret") : null;
    }

    private static String secret(String value, String file, String name) {
        return ConfiguredSecret.read(value, file, "reelgate.engine.replicate." + name + "-file",
                "Set reelgate.engine.replicate." + name + " or ." + name + "-file");
    }

    /** Keeps both secrets out of logs and error messages that print the configuration. */
    @Override
    public String toString() {
        return "ReplicateProperties[baseUrl=" + baseUrl + ", apiToken=<redacted>, webhookSecret=<redacted>, "
                + "taskTimeout=" + taskTimeout + ", defaultModels=" + defaultModels + "]";
    }
}
