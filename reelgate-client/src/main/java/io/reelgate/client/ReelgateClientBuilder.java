package io.reelgate.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link ReelgateClient} (or, with {@link #buildAdmin(String)}, a {@link ReelgateAdminClient}).
 * Only {@code baseUrl} and {@code apiKey} are required.
 */
public final class ReelgateClientBuilder {

    /** KIE's Cloudflare front refuses some non-browser agents; a descriptive one keeps logs readable. */
    static final String DEFAULT_USER_AGENT = "reelgate-java-client/0.1 (Java HttpClient)";

    private String baseUrl;
    private String uploadBaseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private PollingPolicy pollingPolicy = PollingPolicy.defaults();
    private HttpClient httpClient;
    private boolean reelgateExtensions = true;
    private Sleeper sleeper = Sleeper.system();
    private String userAgent = DEFAULT_USER_AGENT;

    ReelgateClientBuilder() {
    }

    /** E.g. {@code http://localhost:8080} for Reelgate or {@code https://api.kie.ai} for the KIE cloud. */
    public ReelgateClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** Host of the file-upload endpoints; defaults to {@code baseUrl} (KIE: {@code https://kieai.redpandaai.co}). */
    public ReelgateClientBuilder uploadBaseUrl(String uploadBaseUrl) {
        this.uploadBaseUrl = uploadBaseUrl;
        return this;
    }

    /** The API key sent as {@code Authorization: Bearer …}. */
    public ReelgateClientBuilder apiKey(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    /** Ignored when a custom {@link #httpClient(HttpClient)} is given (configure it there). Default 10 s. */
    public ReelgateClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
        return this;
    }

    /** Per attempt, from sending to the complete answer. Default 60 s. */
    public ReelgateClientBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        return this;
    }

    public ReelgateClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy);
        return this;
    }

    /** How {@code waitForCompletion}/{@code waitForAleph} poll. Default 1 s growing to 10 s. */
    public ReelgateClientBuilder pollingPolicy(PollingPolicy pollingPolicy) {
        this.pollingPolicy = Objects.requireNonNull(pollingPolicy);
        return this;
    }

    /** A client of your own (proxy, TLS, executor …). */
    public ReelgateClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * True (default) when talking to Reelgate: submits carry an {@code Idempotency-Key} and the extension methods
     * work. Set false for the KIE cloud so nothing Reelgate-specific is sent.
     */
    public ReelgateClientBuilder reelgateExtensions(boolean reelgateExtensions) {
        this.reelgateExtensions = reelgateExtensions;
        return this;
    }

    /** Time source and pause, for tests. */
    public ReelgateClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper);
        return this;
    }

    public ReelgateClientBuilder userAgent(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent);
        return this;
    }

    public ReelgateClient build() {
        return new ReelgateClient(transport(require(apiKey, "apiKey")), new TaskWaiter(sleeper, pollingPolicy),
                reelgateExtensions);
    }

    /** A client of Reelgate's admin API, authenticated with the admin token instead of an API key. */
    public ReelgateAdminClient buildAdmin(String adminToken) {
        return new ReelgateAdminClient(transport(require(adminToken, "adminToken")));
    }

    private Transport transport(String bearer) {
        String base = require(baseUrl, "baseUrl");
        HttpClient http = httpClient != null ? httpClient
                : HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new Transport(http, base, uploadBaseUrl != null ? uploadBaseUrl : base, bearer, requestTimeout,
                retryPolicy, sleeper, userAgent);
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is required");
        }
        return value.trim();
    }
}
