package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.EngineUnavailableException;
import io.reelgate.server.engine.UpstreamInFlight;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.engine.UpstreamVideo;
import io.reelgate.server.media.OutputProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Runs open video models (Wan, LTX-Video, …) on the operator's own ComfyUI servers: fills the kind's workflow
 * template, uploads the input, queues the prompt on the least loaded reachable server, then (through the poller)
 * reads {@code /history} and {@code /queue} until it ends (progress from the WebSocket when it is there), downloads the output with {@code /view} and re-encodes it
 * to our format with our watermark. Exists only when servers are configured.
 */
@Component
@Conditional(ComfyUiConfigured.class)
public class ComfyUiEngine implements AsyncVideoEngine {

    public static final String NAME = "comfyui";
    private static final Logger log = LoggerFactory.getLogger(ComfyUiEngine.class);
    /** Seeds stay below 2^53 so JSON and Java agree on them exactly (docs/upstreams.md, "ComfyUI: model families"). */
    private static final long SEED_BOUND = 1L << 53;

    private final ComfyUiProperties properties;
    private final ComfyServerPool pool;
    private final ComfyClient client;
    private final ComfyWorkflows workflows;
    private final ComfyPromptReader reader;
    private final UpstreamVideo normalizer;
    /**
     * Identifies this Reelgate process to ComfyUI (every prompt should carry a client_id: docs/upstreams.md,
     * "ComfyUI: prompts").
     */
    private final String clientId = "reelgate-" + UUID.randomUUID();
    private final SecureRandom random = new SecureRandom();

    public ComfyUiEngine(ComfyUiProperties properties, OutputProperties output, UpstreamInFlight inFlight,
                         Clock clock) {
        this.properties = properties;
        this.client = new ComfyClient(properties.requestTimeout());
        this.pool = new ComfyServerPool(ComfyServer.parse(properties.servers()), NAME, inFlight,
                properties.healthRetry(), clock);
        this.workflows = new ComfyWorkflows(properties);
        this.reader = new ComfyPromptReader(client, pool, new ComfyProgressFeed(clientId, clock),
                properties.unreachableGrace(), clock);
        this.normalizer = new UpstreamVideo(output);
        log.info("ComfyUI engine enabled: servers {} ({} task(s) each); workflows {}, {}, {}",
                pool.servers().stream().map(s -> s.name() + "=" + s.baseUrl()).toList(),
                properties.maxConcurrentPerServer(), properties.textToVideo().template(),
                properties.imageToVideo().template(), properties.videoToVideo().template());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(EngineJob job, EngineContext context) {
        ComfyInput input = ComfyInput.prepare(job, context, normalizer, properties.maxInputBytes());
        byte[] upload = read(input.file());
        long seed = job.seed() != null ? job.seed() : random.nextLong(SEED_BOUND);
        Set<String> tried = new LinkedHashSet<>();
        for (Optional<ComfyServerPool.Slot> next; (next = pool.reserve(tried)).isPresent(); ) {
            try (ComfyServerPool.Slot slot = next.get()) {
                ComfyServer server = slot.server();
                tried.add(server.name());
                try {
                    String upstreamId = queue(server, job, input, upload, seed);
                    slot.submitted(upstreamId);
                    return upstreamId;
                } catch (ComfyUnreachableException e) {
                    pool.markDown(server);
                    log.warn("Task {}: skipping ComfyUI server {}: {}", job.taskId(), server.name(), e.getMessage());
                } catch (ComfyRejectedException e) {
                    // a model, custom node or input ComfyUI does not have: the operator's to fix, shown to the user
                    log.error("Task {}: {}; check the template {} and the server's models", job.taskId(),
                            e.getMessage(), workflows.forJob(job).settings().template());
                    throw new EngineException(EngineException.INTERNAL, e.getMessage(), e);
                }
            }
        }
        throw new EngineUnavailableException("No ComfyUI server could take the task (tried " + String.join(", ", tried)
                + ")");
    }

    private String queue(ComfyServer server, EngineJob job, ComfyInput input, byte[] upload, long seed) {
        client.systemStats(server);
        String inputName = upload == null ? null : client.upload(server, input.uploadName(), upload);
        String promptId = client.queuePrompt(server, workflows.fill(job, input, inputName, seed), clientId);
        pool.markUp(server);
        log.info("Task {} queued on ComfyUI server {} as prompt {} (template {})", job.taskId(), server.name(),
                promptId, workflows.forJob(job).settings().template());
        return new ComfyPrompt(server.name(), promptId).upstreamId();
    }

    @Override
    public UpstreamStatus poll(String upstreamId) {
        return reader.read(ComfyPrompt.parse(upstreamId));
    }

    @Override
    public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
        Path download = job.workDir().resolve("comfyui-output");
        String url = status.outputs().get(0);
        ComfyServer server = pool.servers().stream().filter(s -> url.startsWith(s.baseUrl() + "/view?")).findFirst()
                .orElseThrow(() -> new EngineException(EngineException.INTERNAL, "The ComfyUI output is not on a "
                        + "configured server"));
        try {
            client.download(server, url.substring(server.baseUrl().length() + "/view?".length()), download,
                    properties.maxOutputBytes());
        } catch (ComfyUnreachableException e) {
            // output files stay on the server's disk: poll again (history still lists them) until the task timeout
            throw new EngineUnavailableException("Could not download the result from ComfyUI (" + e.getMessage() + ")");
        } catch (ComfyRejectedException e) {
            throw new EngineException(EngineException.INTERNAL, e.getMessage(), e);
        }
        return normalizer.collected(download, job, context);
    }

    @Override
    public void cancel(String upstreamId) {
        ComfyPrompt prompt = ComfyPrompt.parse(upstreamId);
        reader.forget(prompt);
        pool.byName(prompt.server()).ifPresent(server -> {
            try {
                client.stop(server, prompt.promptId());
                log.info("ComfyUI prompt {} on server {} stopped", prompt.promptId(), server.name());
            } catch (ComfyUnreachableException | ComfyRejectedException e) {
                log.warn("Interrupting ComfyUI prompt {} on server {} failed: {}", prompt.promptId(), server.name(),
                        e.getMessage());
            }
        });
    }

    @Override
    public Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    public Duration upstreamTimeout() {
        return properties.taskTimeout();
    }

    @Override
    public int maxInFlight() {
        return pool.servers().size() * properties.maxConcurrentPerServer();
    }

    private static byte[] read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The input could not be read", e);
        }
    }
}
