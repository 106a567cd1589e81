package io.reelgate.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.engine.AsyncVideoEngine;
import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.EngineResult;
import io.reelgate.server.engine.UpstreamStatus;
import io.reelgate.server.engine.UpstreamVideo;
import io.reelgate.server.engine.UpstreamWebhooks;
import io.reelgate.server.engine.WebhookRejectedException;
import io.reelgate.server.media.OutputProperties;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import io.reelgate.server.testsupport.TinyMp4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/{engine}/{taskId}} with an engine whose provider calls back (a provider double in this
 * process, polled only every hour): a delivery that fails the engine's verification is refused and changes nothing;
 * a verified one makes the task finish at once through a poll of the provider; a duplicate changes nothing; the
 * webhook URL handed to the engine sits on the public base URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamWebhookEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-upstream-webhook-");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ENGINE = "hooked";
    private static final String GOOD_SIGNATURE = "valid";

    @LocalServerPort
    int port;

    private KieHttp kie;
    private final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration(proxyBeanMethods = false)
    static class HookedProviderConfig {
        @Bean
        HookedEngine hookedEngine(OutputProperties output) {
            return new HookedEngine(output);
        }
    }

    @DynamicPropertySource
    static void hookedEverywhere(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.routing.generate", () -> ENGINE);
        registry.add("reelgate.api.public-base-url", () -> "https://gateway.example/");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    @Test
    void aVerifiedWebhookFinishesTheTaskAtOnceAndABadOneChangesNothing(@org.springframework.beans.factory.annotation.Autowired
                                                                     HookedEngine provider) throws Exception {
        String task = kie.generate("{\"prompt\":\"a hooked fox\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        String upstreamId = Await.until(TIMEOUT, "the task is submitted upstream", () -> provider.idOf(task),
                id -> id != null);
        assertThat(provider.webhookUrlOf(task)).isEqualTo("https://gateway.example/webhooks/" + ENGINE + "/" + task);
        provider.finish(upstreamId);

        HttpResponse<String> forged = deliver(task, upstreamId, "forged");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(kie.get("/api/v1/tasks/" + task).data().get("state").asString()).isEqualTo("generating");

        int pollsBefore = provider.polls.get();
        HttpResponse<String> verified = deliver(task, upstreamId, GOOD_SIGNATURE);
        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode done = Await.until(TIMEOUT, "the task ends after the webhook",
                () -> kie.get("/api/v1/tasks/" + task).data(), t -> t.get("state").asString().equals("success"));
        assertThat(done.get("upstream").get("usage").get("gpuSeconds").asDouble()).isEqualTo(12.5);
        assertThat(provider.polls.get() - pollsBefore).as("one poll re-read the provider").isEqualTo(1);

        assertThat(deliver(task, upstreamId, GOOD_SIGNATURE).statusCode()).as("a duplicate").isEqualTo(200);
        assertThat(deliver(task, "another-run", GOOD_SIGNATURE).statusCode()).as("a stale run").isEqualTo(200);
        assertThat(kie.get("/api/v1/tasks/" + task).data().get("state").asString()).isEqualTo("success");
        assertThat(provider.collections.get()).as("collected once").isEqualTo(1);

        // the operator console's "Upstream runs" table: the provider's word and usage beside the credits charged
        JsonNode runs = new AdminHttp("http://127.0.0.1:" + port, DATA_DIR).get("/admin/api/upstream-runs").data();
        JsonNode run = java.util.stream.StreamSupport.stream(runs.spliterator(), false)
                .filter(r -> r.get("taskId").asString().equals(task)).findFirst().orElseThrow();
        assertThat(run.get("upstreamId").asString()).isEqualTo(upstreamId);
        assertThat(run.get("upstreamStatus").asString()).isEqualTo("DONE");
        assertThat(run.get("usage").get("gpuSeconds").asDouble()).isEqualTo(12.5);
        assertThat(run.get("credits").asLong()).isEqualTo(done.get("cost").asLong()).isPositive();
    }

    @Test
    void anEngineThatTakesNoWebhooksIsNotFound() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/preview/x"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> deliver(String task, String upstreamId, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/" + ENGINE + "/"
                        + task))
                .header("Content-Type", "application/json").header("X-Test-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + upstreamId + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A provider double: runs stay running until the test finishes them; polled hourly, so only a webhook hurries it. */
    static final class HookedEngine implements AsyncVideoEngine, UpstreamWebhooks {
        private final UpstreamVideo normalizer;
        private final Map<String, String> upstreamIds = new ConcurrentHashMap<>();
        private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
        private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger collections = new AtomicInteger();

        HookedEngine(OutputProperties output) {
            this.normalizer = new UpstreamVideo(output);
        }

        String idOf(String taskId) {
            return upstreamIds.get(taskId);
        }

        String webhookUrlOf(String taskId) {
            return webhookUrls.get(taskId);
        }

        void finish(String upstreamId) {
            finished.put(upstreamId, true);
        }

        @Override
        public String name() {
            return ENGINE;
        }

        @Override
        public String submit(EngineJob job, EngineContext context) {
            String id = "run-" + job.taskId();
            webhookUrls.put(job.taskId(), job.webhookUrl());
            upstreamIds.put(job.taskId(), id);
            return id;
        }

        @Override
        public UpstreamStatus poll(String upstreamId) {
            polls.incrementAndGet();
            return finished.containsKey(upstreamId)
                    ? UpstreamStatus.succeeded("DONE", List.of("memory:" + upstreamId)).withUsage(Map.of("gpuSeconds", 12.5))
                    : UpstreamStatus.running("RUNNING", 10);
        }

        @Override
        public EngineResult collect(UpstreamStatus status, EngineJob job, EngineContext context) {
            collections.incrementAndGet();
            Path download = job.workDir().resolve("upstream.mp4");
            try {
                Files.write(download, TinyMp4.render());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return normalizer.collected(download, job, context);
        }

        @Override
        public void cancel(String upstreamId) {
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration upstreamTimeout() {
            return Duration.ofHours(2);
        }

        @Override
        public UpstreamWebhook verify(Map<String, String> headers, byte[] body) {
            if (!GOOD_SIGNATURE.equals(headers.get("x-test-signature"))) {
                throw new WebhookRejectedException("bad signature");
            }
            String json = new String(body, StandardCharsets.UTF_8);
            String id = json.substring(json.indexOf(":\"") + 2, json.lastIndexOf('"'));
            return new UpstreamWebhook(id, UpstreamStatus.succeeded("DONE", List.of()));
        }
    }
}
