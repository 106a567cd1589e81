package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.UpstreamInFlight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the ComfyUI server for a new prompt: the least loaded one, servers that recently failed a health check
 * last, ties in configuration order. Load is read from the database (prompts of generating tasks, on every node, so
 * it survives restarts) plus this node's submissions that are not parked yet; a busy server is still chosen when
 * all are busy, and ComfyUI queues the prompt.
 */
class ComfyServerPool {

    /** A submission in progress (or just made) on one server, counted until the task row shows it. */
    final class Slot implements AutoCloseable {
        private final ComfyServer server;
        private final String pendingKey;

        private Slot(ComfyServer server, String pendingKey) {
            this.server = server;
            this.pendingKey = pendingKey;
        }

        ComfyServer server() {
            return server;
        }

        /** The prompt was queued: keep counting it under its upstream id until the row is parked. */
        void submitted(String upstreamId) {
            recent.put(upstreamId, new Recent(server.name(), clock.instant()));
        }

        /** Frees the placeholder; a queued prompt stays counted under its upstream id for {@link #RECENT}. */
        @Override
        public void close() {
            recent.remove(pendingKey);
        }
    }

    private record Recent(String server, Instant since) {
    }

    /** Longer than the submit-to-park gap of any sane run; afterwards the row counts the prompt. */
    private static final Duration RECENT = Duration.ofMinutes(2);

    private final List<ComfyServer> servers;
    private final String engine;
    private final UpstreamInFlight inFlight;
    private final Duration healthRetry;
    private final Clock clock;
    private final Map<String, Recent> recent = new ConcurrentHashMap<>();
    private final Map<String, Instant> downSince = new ConcurrentHashMap<>();

    ComfyServerPool(List<ComfyServer> servers, String engine, UpstreamInFlight inFlight, Duration healthRetry,
                    Clock clock) {
        this.servers = List.copyOf(servers);
        this.engine = engine;
        this.inFlight = inFlight;
        this.healthRetry = healthRetry;
        this.clock = clock;
    }

    List<ComfyServer> servers() {
        return servers;
    }

    Optional<ComfyServer> byName(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Reserves a slot on the best server not in {@code tried}; empty when every server was tried. */
    synchronized Optional<Slot> reserve(Set<String> tried) {
        Map<String, Integer> load = load();
        Instant now = clock.instant();
        Optional<ComfyServer> best = servers.stream()
                .filter(s -> !tried.contains(s.name()))
                .min(Comparator.comparing((ComfyServer s) -> isDown(s, now))
                        .thenComparingInt(s -> load.getOrDefault(s.name(), 0))
                        .thenComparingInt(servers::indexOf));
        return best.map(server -> {
            String key = server.name() + "/pending-" + UUID.randomUUID();
            recent.put(key, new Recent(server.name(), now));
            return new Slot(server, key);
        });
    }

    void markDown(ComfyServer server) {
        downSince.put(server.name(), clock.instant());
    }

    void markUp(ComfyServer server) {
        downSince.remove(server.name());
    }

    private boolean isDown(ComfyServer server, Instant now) {
        Instant since = downSince.get(server.name());
        return since != null && now.isBefore(since.plus(healthRetry));
    }

    /** Prompts per server name: parked rows plus this node's recent submissions not yet parked. */
    private Map<String, Integer> load() {
        Instant now = clock.instant();
        recent.values().removeIf(r -> now.isAfter(r.since().plus(RECENT)));
        Set<String> ids = new HashSet<>(inFlight.upstreamIds(engine));
        ids.addAll(recent.keySet());
        Map<String, Integer> load = new HashMap<>();
        for (String id : ids) {
            int split = id.lastIndexOf('/');
            if (split > 0) {
                load.merge(id.substring(0, split), 1, Integer::sum);
            }
        }
        return load;
    }
}
