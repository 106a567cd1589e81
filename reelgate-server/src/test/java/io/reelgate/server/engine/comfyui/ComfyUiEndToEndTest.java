package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the comfyui end-to-end tests: the real server on a random port with every task kind routed to comfyui
 * (generate failing over to preview), against two fake ComfyUI servers on loopback that speak the documented API.
 * Subclasses share one running server and the fakes; each test tells its prompts apart by their text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ComfyUiEndToEndTest {

    static final Path DATA_DIR = TestDataDirs.fresh("reelgate-comfyui-");
    static final FakeComfyUi GPU0 = new FakeComfyUi();
    static final FakeComfyUi GPU1 = new FakeComfyUi();
    static final ImageHost HOST = new ImageHost();
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    KieHttp kie;

    @DynamicPropertySource
    static void comfyEverywhere(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.engine.comfyui.servers", () -> "gpu0=" + GPU0.baseUrl() + ",gpu1=" + GPU1.baseUrl());
        registry.add("reelgate.engine.comfyui.poll-interval", () -> "100ms");
        registry.add("reelgate.engine.comfyui.unreachable-grace", () -> "1s");
        registry.add("reelgate.engine.comfyui.health-retry", () -> "1s");
        registry.add("reelgate.engine.comfyui.request-timeout", () -> "10s");
        registry.add("reelgate.upstream.tick", () -> "50ms");
        registry.add("reelgate.upstream.claim-duration", () -> "30s");
        registry.add("reelgate.routing.generate", () -> "comfyui");
        registry.add("reelgate.routing.extend", () -> "comfyui");
        registry.add("reelgate.routing.aleph", () -> "comfyui");
        registry.add("reelgate.routing.failover.generate", () -> "comfyui,preview");
        registry.add("reelgate.dispatch.deadline-interval", () -> "200ms");
        // the users' images and videos are on loopback (ImageHost); the ComfyUI URLs are operator configuration
        registry.add("reelgate.outbound.allow-private-networks", () -> "true");
        registry.add("reelgate.rate-limit.submit.capacity", () -> "100000");
        registry.add("reelgate.rate-limit.status.capacity", () -> "1000000");
    }

    @BeforeEach
    void connect() {
        kie = KieHttp.onLoopback(port, DATA_DIR);
    }

    static {
        // both test classes share this server (one Spring context): the fakes live as long as the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            GPU0.close();
            GPU1.close();
            HOST.close();
        }));
    }

    JsonNode awaitView(String taskId) {
        return Await.until(TIMEOUT, "task " + taskId + " not terminal after " + TIMEOUT,
                () -> kie.get("/api/v1/tasks/" + taskId).data(),
                view -> view.get("state").asString().equals("success") || view.get("state").asString().equals("fail"));
    }

    /** Both servers play {@code outcome} for {@code prompt}, whichever the task lands on. */
    static void scriptBoth(String prompt, Outcome outcome, int runningPolls) {
        GPU0.script(prompt, outcome, runningPolls);
        GPU1.script(prompt, outcome, runningPolls);
    }

    /** A 5 s 16:9 generate whose prompt never finishes on either server, once one server has queued it. */
    String submitRunningForever(String prompt) {
        scriptBoth(prompt, Outcome.RUN_FOREVER, 0);
        String taskId = kie.generate("{\"prompt\":\"" + prompt + "\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> allPrompts(prompt).size() == 1);
        return taskId;
    }

    static JsonNode onlyPrompt(String text) {
        List<JsonNode> bodies = allPrompts(text);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    static List<JsonNode> allPrompts(String text) {
        return Stream.concat(GPU0.promptsWithText(text).stream(), GPU1.promptsWithText(text).stream()).toList();
    }

    static FakeComfyUi serverWith(String text) {
        return GPU0.promptsWithText(text).isEmpty() ? GPU1 : GPU0;
    }

    static long seedOf(JsonNode body, String samplerNode) {
        JsonNode seed = body.get("prompt").get(samplerNode).get("inputs").get("seed");
        assertThat(seed.isIntegralNumber()).isTrue();
        assertThat(seed.asLong()).isBetween(0L, (1L << 53) - 1);
        return seed.asLong();
    }

    static JsonNode expected(String resource, String taskId, long seed) {
        try (InputStream in = ComfyUiEndToEndTest.class.getResourceAsStream("/comfyui/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"<seed>\"", Long.toString(seed))
                    .replace("<task>", taskId);
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitUntil(BooleanSupplier condition) {
        Await.until(TIMEOUT, "condition not met within " + TIMEOUT, condition::getAsBoolean);
    }
}
