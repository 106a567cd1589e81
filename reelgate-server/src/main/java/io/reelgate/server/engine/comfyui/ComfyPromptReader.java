package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * One poll of a queued prompt. ComfyUI keeps queue and history in RAM only, and {@code /history/{id}}
 * answers {@code {}} for pending, running and unknown ids alike (docs/upstreams.md, "ComfyUI: queue and history"), so
 * the answer combines both: in history → ended; in {@code /queue} → running or pending; in neither (history read again,
 * in case it just ended) → the server restarted and lost it. A server that stays unreachable longer than the grace
 * counts as lost too. Lost prompts are submitted again by the dispatcher, on whichever server is then best.
 */
class ComfyPromptReader {

    private final ComfyClient client;
    private final ComfyServerPool pool;
    private final ComfyProgressFeed progress;
    private final Duration unreachableGrace;
    private final Clock clock;
    /** When each prompt's server first failed to answer, this process's view; a restart starts the grace afresh. */
    private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();

    ComfyPromptReader(ComfyClient client, ComfyServerPool pool, ComfyProgressFeed progress, Duration unreachableGrace,
                      Clock clock) {
        this.client = client;
        this.pool = pool;
        this.progress = progress;
        this.unreachableGrace = unreachableGrace;
        this.clock = clock;
    }

    UpstreamStatus read(ComfyPrompt prompt) {
        Optional<ComfyServer> server = pool.byName(prompt.server());
        if (server.isEmpty()) {
            return UpstreamStatus.lost("LOST", "ComfyUI server " + prompt.server() + " is no longer configured");
        }
        try {
            UpstreamStatus status = read(server.get(), prompt.promptId());
            unreachableSince.remove(prompt.upstreamId());
            if (status.phase() != UpstreamStatus.Phase.QUEUED && status.phase() != UpstreamStatus.Phase.RUNNING) {
                progress.forget(prompt.promptId());
            }
            return status;
        } catch (ComfyUnreachableException e) {
            Instant now = clock.instant();
            Instant since = unreachableSince.computeIfAbsent(prompt.upstreamId(), id -> now);
            if (!now.isBefore(since.plus(unreachableGrace))) {
                unreachableSince.remove(prompt.upstreamId());
                pool.markDown(server.get());
                return UpstreamStatus.lost("UNREACHABLE", "ComfyUI server " + prompt.server() + " unreachable for "
                        + Duration.between(since, now).toSeconds() + " s");
            }
            throw new EngineUnavailableException(e.getMessage());
        }
    }

    void forget(ComfyPrompt prompt) {
        unreachableSince.remove(prompt.upstreamId());
        progress.forget(prompt.promptId());
    }

    private UpstreamStatus read(ComfyServer server, String promptId) {
        Optional<JsonNode> entry = client.history(server, promptId);
        if (entry.isPresent()) {
            return ended(server, entry.get());
        }
        ComfyClient.Queue queue = client.queue(server);
        if (queue.running().contains(promptId)) {
            return UpstreamStatus.running("RUNNING", progress.percent(server, promptId));
        }
        if (queue.pending().contains(promptId)) {
            // connect before the prompt starts: the socket replays nothing
            progress.watch(server);
            return UpstreamStatus.queued("PENDING");
        }
        entry = client.history(server, promptId);
        if (entry.isPresent()) {
            return ended(server, entry.get());
        }
        return UpstreamStatus.lost("LOST", "ComfyUI server " + server.name() + " no longer knows prompt " + promptId
                + "; it was probably restarted");
    }

    /** Output files become absolute {@code /view} URLs of their server. */
    private static UpstreamStatus ended(ComfyServer server, JsonNode entry) {
        UpstreamStatus status = ComfyHistory.status(entry);
        if (status.phase() != UpstreamStatus.Phase.SUCCEEDED) {
            return status;
        }
        List<String> urls = status.outputs().stream().map(query -> server.baseUrl() + "/view?" + query).toList();
        return UpstreamStatus.succeeded(status.upstreamState(), urls);
    }
}
