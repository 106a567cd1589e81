package io.reelgate.server.engine.comfyui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress of running prompts from each server's WebSocket ({@code /ws?clientId=}, docs/upstreams.md,
 * "ComfyUI: WebSocket"): {@code progress} messages ({@code value}/{@code max} of the node running) for prompts this
 * process queued with the same {@code client_id}. Optional by nature: the socket replays nothing and may drop, so
 * completion is always decided by polling {@code /history}; without a socket a running task simply shows 0 %.
 * Connections are opened lazily when a prompt is being polled and reopened after a close or error, at most every
 * {@link #RECONNECT_PAUSE}.
 */
class ComfyProgressFeed {

    private static final Logger log = LoggerFactory.getLogger(ComfyProgressFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(10);
    /** Prompts polled on other nodes never end here; a bound keeps the map from growing without end. */
    private static final int MAX_TRACKED = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String clientId;
    private final Clock clock;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> percentByPrompt = new ConcurrentHashMap<>();

    /** One server's socket; {@code socket} is null while (re)connecting or after it closed. */
    private static final class Connection {
        volatile WebSocket socket;
        volatile boolean connecting;
        volatile Instant lastAttempt = Instant.MIN;
    }

    ComfyProgressFeed(String clientId, Clock clock) {
        this.clientId = clientId;
        this.clock = clock;
    }

    /** The prompt's progress in percent (0..99) as last reported; opens the server's socket if needed. */
    int percent(ComfyServer server, String promptId) {
        watch(server);
        return percentByPrompt.getOrDefault(promptId, 0);
    }

    /** Makes sure the server's socket is open or being opened, so messages are not missed once the prompt starts. */
    void watch(ComfyServer server) {
        Connection connection = connections.computeIfAbsent(server.name(), name -> new Connection());
        synchronized (connection) {
            Instant now = clock.instant();
            if (connection.socket != null || connection.connecting
                    || now.isBefore(connection.lastAttempt.plus(RECONNECT_PAUSE))) {
                return;
            }
            connection.connecting = true;
            connection.lastAttempt = now;
        }
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(socketUri(server), new Listener(server, connection))
                .whenComplete((socket, error) -> {
                    connection.socket = socket;
                    connection.connecting = false;
                    if (error != null) {
                        log.debug("ComfyUI server {}: no progress socket ({})", server.name(), error.toString());
                    }
                });
    }

    void forget(String promptId) {
        percentByPrompt.remove(promptId);
    }

    private URI socketUri(ComfyServer server) {
        String base = server.baseUrl().replaceFirst("^http", "ws");
        return URI.create(base + "/ws?clientId=" + ComfyClient.encode(clientId));
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JacksonException e) {
            return;
        }
        if (!"progress".equals(message.path("type").asString(""))) {
            return;
        }
        JsonNode data = message.path("data");
        String promptId = data.path("prompt_id").asString("");
        int max = data.path("max").asInt(0);
        if (promptId.isEmpty() || max <= 0) {
            return;
        }
        if (percentByPrompt.size() > MAX_TRACKED) {
            percentByPrompt.clear();
        }
        int percent = (int) Math.min(99, Math.max(0, data.path("value").asLong(0) * 100 / max));
        // each node (sampler, then decoder) counts from 0 again: keep the highest so progress never runs backwards
        percentByPrompt.merge(promptId, percent, Math::max);
    }

    /**
     * Collects text frames into messages; binary preview frames are ignored (docs/upstreams.md, "ComfyUI: WebSocket").
     */
    private final class Listener implements WebSocket.Listener {
        private final ComfyServer server;
        private final Connection connection;
        private final StringBuilder text = new StringBuilder();

        Listener(ComfyServer server, Connection connection) {
            this.server = server;
            this.connection = connection;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                onMessage(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            connection.socket = null;
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            log.debug("ComfyUI server {}: progress socket failed ({})", server.name(), error.toString());
            connection.socket = null;
        }
    }
}
