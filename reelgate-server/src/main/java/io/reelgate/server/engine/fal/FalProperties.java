package io.reelgate.server.engine.fal;

import io.reelgate.server.engine.ConfiguredSecret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fal engine ({@code reelgate.engine.fal.*}, docs/engines.md "fal"). The engine exists only when a
 * key is set.
 *
 * @param apiKey              the key sent as {@code Authorization: Key …}; never logged or stored
 * @param apiKeyFile          a file holding the key instead (Docker/Kubernetes secrets)
 * @param baseUrl             the queue host; operator configuration, not subject to the outbound guard
 * @param jwksUrl             where fal publishes the Ed25519 keys that sign webhooks
 * @param requestTimeout      time allowed for one HTTP exchange with fal
 * @param startTimeout        sent as {@code X-Fal-Request-Timeout}: fal gives up when processing has not started by then
 * @param maxRetries          retries of a request answered 429/502/503/504 or not connected
 * @param retryBackoff        first retry delay, doubled per retry; {@code Retry-After} wins
 * @param maxRetryBackoff     longest delay between retries
 * @param pollInterval        poll interval without webhooks
 * @param webhookPollInterval poll interval when fal calls back (polling is the safety net)
 * @param taskTimeout         how long an upstream request may take from submission; then it is cancelled and failed
 * @param maxOutputBytes      largest result file downloaded from fal
 * @param maxInputBytes       largest input image or video downloaded to send on as a data URI
 * @param defaultModels       endpoints for jobs without a fal route (KIE Runway tasks)
 */
@ConfigurationProperties("reelgate.engine.fal")
public record FalProperties(
        String apiKey,
        String apiKeyFile,
        @DefaultValue("https://queue.fal.run") String baseUrl,
        @DefaultValue("https://rest.alpha.fal.ai/.well-known/jwks.json") String jwksUrl,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("15m") Duration startTimeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryBackoff,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("60s") Duration webhookPollInterval,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("209715200") long maxOutputBytes,
        @DefaultValue("10485760") long maxInputBytes,
        @DefaultValue DefaultModels defaultModels) {

    public FalProperties {
        if (maxRetries < 0 || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("reelgate.engine.fal.max-retries/poll-interval out of range");
        }
    }

    /** Endpoints a KIE Runway task routed to fal is sent to. */
    public record DefaultModels(
            @DefaultValue("fal-ai/kling-video/v2.1/master/text-to-video") String textToVideo,
            @DefaultValue("fal-ai/kling-video/v2.1/standard/image-to-video") String imageToVideo) {
    }

    /** The key from {@link #apiKey} or {@link #apiKeyFile}; messages never contain the key. */
    String secret() {
        return ConfiguredSecret.read(apiKey, apiKeyFile, "reelgate.engine.fal.api-key-file", "Set "
                + "reelgate.engine.fal.api-key (env REELGATE_FAL_API_KEY) or reelgate.engine.fal.api-key-file to "
                + "enable the fal engine");
    }

    /** Keeps the key out of logs and error messages that print the configuration. */
    @Override
    public String toString() {
        return "FalProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "<unset>"
                : "<redacted>") + ", defaultModels=" + defaultModels + "]";
    }
}
