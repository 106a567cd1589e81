package io.reelgate.server.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Locale;

/**
 * {@code reelgate.callbacks.dead{host}}: deliveries that went dead, by the receiver's host, so an operator sees which
 * customer endpoint is down. Hosts come from clients, so the label is capped: past {@link #MAX_HOSTS} distinct hosts
 * the rest count as {@code other} rather than growing the scrape without bound.
 */
final class DeadCallbacksByHost {

    static final String DEAD = "reelgate.callbacks.dead";
    static final int MAX_HOSTS = 100;

    private DeadCallbacksByHost() {
    }

    static void count(MeterRegistry registry, String url) {
        String host = hostOf(url);
        boolean known = registry.find(DEAD).tag("host", host).counter() != null;
        if (!known && registry.find(DEAD).counters().size() >= MAX_HOSTS) {
            host = "other";
        }
        Counter.builder(DEAD).description("Callback deliveries that went dead, by receiver host").tag("host", host)
                .register(registry).increment();
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "invalid" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
