package io.reelgate.server.testsupport;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code @DynamicPropertySource} set-up the hosted-engine end-to-end tests share (each fake's {@code configure}
 * points the engine at the fake): a fresh data directory, loopback allowed, backoffs of milliseconds, the deadline,
 * routing and rate limits. Each step names what the test wants; a test adds only what is its own.
 */
public final class HostedEngineProperties {

    private final DynamicPropertyRegistry registry;
    private final String engine;

    private HostedEngineProperties(DynamicPropertyRegistry registry, String engine) {
        this.registry = registry;
        this.engine = engine;
    }

    /**
     * A server on {@code dataDir} whose outbound guard lets it reach 127.0.0.1: the fakes, the input images and the
     * result files are on loopback (the provider's own API host is operator configuration, never vetted).
     */
    public static HostedEngineProperties of(DynamicPropertyRegistry registry, Path dataDir, String engine) {
        registry.add("reelgate.data-dir", dataDir::toString);
        registry.add("reelgate.outbound.allowed-hosts", () -> "127.0.0.1");
        return new HostedEngineProperties(registry, engine);
    }

    /** Retries 20 ms after the first failure, doubling up to {@code max}, so retry tests take milliseconds. */
    public HostedEngineProperties backoffUpTo(String max) {
        return engine("retry-backoff", "20ms").engine("max-retry-backoff", max);
    }

    /**
     * The upstream deadline in seconds, for the deadline tests; a stalled poll's claim lapses in 10 s rather than the
     * default 5 minutes, so a slow machine still finishes within the tests' minute.
     */
    public HostedEngineProperties deadline(String taskTimeout) {
        engine("task-timeout", taskTimeout);
        return set("upstream.claim-duration", "10s");
    }

    /** Task kinds ({@code generate}, {@code extend}, {@code aleph}) this engine serves. */
    public HostedEngineProperties routes(String... kinds) {
        for (String kind : kinds) {
            set("routing." + kind, engine);
        }
        return this;
    }

    /** The suite submits far faster than a real client; RateLimitEndToEndTest checks the limits themselves. */
    public HostedEngineProperties unlimitedRates() {
        set("rate-limit.submit.capacity", "100000");
        return set("rate-limit.status.capacity", "1000000");
    }

    /** {@code reelgate.engine.<engine>.<key>}. */
    public HostedEngineProperties engine(String key, String value) {
        return set("engine." + engine + "." + key, value);
    }

    /** {@code reelgate.<key>}. */
    public HostedEngineProperties set(String key, String value) {
        registry.add("reelgate." + key, () -> value);
        return this;
    }
}
