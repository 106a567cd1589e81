package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.ConfiguredSecret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Google Veo engine ({@code reelgate.engine.veo.*}, docs/engines.md "Google Veo"). The engine exists
 * only when an API key is set.
 *
 * @param apiKey          the Gemini API key ({@code AIza…}); usually from env {@code REELGATE_VEO_API_KEY}. Never
 *                        logged (see {@link #toString()}), never stored
 * @param apiKeyFile      a file holding the key instead (Docker/Kubernetes secrets)
 * @param baseUrl         the Gemini API root including the version; operator configuration, not guarded
 * @param defaultModel    the Google model of a task whose model names no veo route (KIE Runway tasks)
 * @param requestTimeout  time allowed for one HTTP exchange with the API
 * @param maxRetries      retries of a request answered 429/500/503/504 or not connected
 * @param retryBackoff    first retry delay, doubled per retry; Google's RetryInfo and Retry-After win
 * @param maxRetryBackoff longest delay between retries, also the cap of what Google asks for
 * @param pollInterval    how often a running operation is read (Google's examples poll every 10 s)
 * @param taskTimeout     how long an operation may take from submission before the task fails
 * @param maxOutputBytes  largest generated video downloaded
 * @param maxInputBytes   largest input image downloaded to send on as base64
 */
@ConfigurationProperties("reelgate.engine.veo")
public record VeoProperties(
        String apiKey,
        String apiKeyFile,
        @DefaultValue("https://generativelanguage.googleapis.com/v1beta") String baseUrl,
        @DefaultValue("veo-3.1-fast-generate-preview") String defaultModel,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("60s") Duration maxRetryBackoff,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("20m") Duration taskTimeout,
        @DefaultValue("209715200") long maxOutputBytes,
        @DefaultValue("20971520") long maxInputBytes) {

    public VeoProperties {
        if (maxRetries < 0 || retryBackoff.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("reelgate.engine.veo.max-retries/retry-backoff/poll-interval out of range");
        }
    }

    /** The key from {@link #apiKey} or {@link #apiKeyFile}; messages name the file, never the key. */
    String key() {
        return ConfiguredSecret.read(apiKey, apiKeyFile, "reelgate.engine.veo.api-key-file", "Set "
                + "reelgate.engine.veo.api-key (env REELGATE_VEO_API_KEY) or reelgate.engine.veo.api-key-file to "
                + "enable the veo engine");
    }

    /** Keeps the key out of logs and error messages that print the configuration. */
    @Override
    public String toString() {
        return "VeoProperties[baseUrl=" + baseUrl + ", defaultModel=" + defaultModel + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "<unset>" : "<redacted>") + "]";
    }
}
