package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comfyui engine against two fake ComfyUI servers on loopback speaking the documented API: the exact workflow
 * submitted per task kind, the output re-encoded to our format, ComfyUI's refusals and runtime errors, a dead server
 * skipped, a vanished or restarted server's task submitted again, and a deadline that interrupts the prompt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComfyUiEngineEndToEndTest {

    private static final Path DATA_DIR = tempDir();
    private static final FakeComfyUi GPU0 = new FakeComfyUi();
    private static final FakeComfyUi GPU1 = new FakeComfyUi();
    private static final ImageHost HOST = new ImageHost();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private KieHttp kie;

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
    void connect() throws IOException {
        kie = new KieHttp("http://127.0.0.1:" + port, Files.readString(DATA_DIR.resolve("dev-api-key.txt")).trim());
    }

    @AfterAll
    static void stopFakes() {
        GPU0.close();
        GPU1.close();
        HOST.close();
    }

    @Test
    void textToVideoSubmitsTheWanWorkflowSizedByTheModelRulesAndStoresAnH264Copy() throws Exception {
        String prompt = "a fox running through \"fresh\" snow, tracking shot";
        String taskId = kie.generate("{\"prompt\":" + JSON.writeValueAsString(prompt) + ",\"duration\":5,"
                + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\",\"waterMark\":\"reelgate\"}");
        JsonNode view = awaitView(taskId);

        assertThat(view.get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt(prompt);
        assertThat(body.get("client_id").asString()).startsWith("reelgate-");
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-t2v.json", taskId, seedOf(body, "3")));
        Path video = DATA_DIR.resolve("t2v.mp4");
        kie.download(view.get("videoUrl").asString(), video);
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.codecName()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.moovBeforeMdat()).isTrue();
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.decodedFrames()).isEqualTo(8);
        assertThat(view.get("engine").asString()).isEqualTo("comfyui");
    }

    @Test
    void imageToVideoUploadsTheImageFirstAndFillsTheImageWorkflow() throws Exception {
        String image = HOST.serve("/inputs/cat.png", ImageHost.png(400, 300));
        String taskId = kie.generate("{\"prompt\":\"the cat turns its head\",\"duration\":10,\"quality\":\"720p\","
                + "\"imageUrl\":\"" + image + "\"}");

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt("the cat turns its head");
        // 400x300 is nearest 4:3: 960x720 at 720p (multiples of 16); 10 s at 16 fps = 161 frames (4n+1)
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-i2v.json", taskId, seedOf(body, "3")));
        FakeComfyUi server = serverWith("the cat turns its head");
        FakeComfyUi.Upload upload = server.uploads().stream().filter(u -> u.name().equals(taskId + "-image.png"))
                .findFirst().orElseThrow();
        BufferedImage uploaded = ImageIO.read(new ByteArrayInputStream(upload.content()));
        assertThat(uploaded.getWidth()).isEqualTo(400);
        List<String> requests = server.requests();
        assertThat(requests.lastIndexOf("POST /upload/image")).isLessThan(requests.lastIndexOf("POST /prompt"));
    }

    @Test
    void extendUploadsTheParentsLastFrameForTheImageWorkflow() throws Exception {
        String parent = kie.generate("{\"prompt\":\"a parent clip\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"9:16\"}");
        assertThat(awaitView(parent).get("state").asString()).isEqualTo("success");

        Answer extend = kie.postJson("/api/v1/runway/extend", "{\"taskId\":\"" + parent + "\",\"prompt\":\"and then it "
                + "rains\",\"quality\":\"720p\"}");
        String taskId = extend.data().get("taskId").asString();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode workflow = onlyPrompt("and then it rains").get("prompt");
        assertThat(workflow.get("52").get("inputs").get("image").asString()).isEqualTo(taskId + "-image.png");
        assertThat(workflow.get("50").get("inputs").get("width").asInt()).isEqualTo(720);
        assertThat(workflow.get("50").get("inputs").get("height").asInt()).isEqualTo(1280);
        assertThat(workflow.get("50").get("inputs").get("length").asInt()).isEqualTo(81);
        FakeComfyUi.Upload frame = serverWith("and then it rains").uploads().stream()
                .filter(u -> u.name().equals(taskId + "-image.png")).findFirst().orElseThrow();
        BufferedImage lastFrame = ImageIO.read(new ByteArrayInputStream(frame.content()));
        assertThat(lastFrame.getWidth()).isEqualTo(720);
        assertThat(lastFrame.getHeight()).isEqualTo(1280);
    }

    @Test
    void alephUploadsTheSourceVideoAndFillsTheVideoWorkflowWithTheSeed() {
        String source = HOST.serve("/inputs/source.mp4", TinyMp4.render(), "video/mp4");
        Answer submitted = kie.postJson("/api/v1/aleph/generate", "{\"prompt\":\"make it snow\",\"videoUrl\":\""
                + source + "\",\"seed\":42}");
        String taskId = submitted.data().get("taskId").asString();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        JsonNode body = onlyPrompt("make it snow");
        // 320x180 is 16:9: 1280x720; the first 5 s at 16 fps = 81 frames
        assertThat(body.get("prompt")).isEqualTo(expected("expected-wan-v2v.json", taskId, 42));
        assertThat(serverWith("make it snow").uploads()).anyMatch(u -> u.name().equals(taskId + "-source.mp4")
                && u.content().length == TinyMp4.render().length);
    }

    @Test
    void progressMessagesOnTheWebSocketShowWhileThePromptRuns() {
        String prompt = "a long render with progress";
        GPU0.script(prompt, Outcome.RUN_FOREVER, 0);
        GPU1.script(prompt, Outcome.RUN_FOREVER, 0);
        String taskId = kie.generate("{\"prompt\":\"" + prompt + "\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> allPrompts(prompt).size() == 1);
        FakeComfyUi server = serverWith(prompt);
        String clientId = onlyPrompt(prompt).get("client_id").asString();
        awaitUntil(() -> server.socketClients().contains(clientId));

        server.sendProgress(prompt, 12, 20);

        awaitUntil(() -> kie.get("/api/v1/tasks/" + taskId).data().get("progress").asInt() == 60);
        server.finish(prompt);
        JsonNode view = awaitView(taskId);
        assertThat(view.get("state").asString()).isEqualTo("success");
        assertThat(view.get("progress").asInt()).isEqualTo(100);
    }

    @Test
    void nodeErrorsOnSubmitFailTheTaskAtOnceNamingTheNode() {
        GPU0.script("a model that is not installed", Outcome.REFUSE, 0);
        GPU1.script("a model that is not installed", Outcome.REFUSE, 0);

        String taskId = kie.generate("{\"prompt\":\"a model that is not installed\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failCode").asInt()).isEqualTo(500);
        assertThat(detail.get("failMsg").asString()).isEqualTo("ComfyUI refused the workflow: node 37 (UNETLoader): "
                + "Value not in list: unet_name: 'wan2.1_t2v_14B_fp16.safetensors' not in (list of length 23)");
        assertThat(allPrompts("a model that is not installed")).hasSize(1);
    }

    @Test
    void executionErrorDuringTheRunFailsTheTaskNamingTheNode() {
        GPU0.script("too big for the GPU", Outcome.EXECUTION_ERROR, 2);
        GPU1.script("too big for the GPU", Outcome.EXECUTION_ERROR, 2);

        String taskId = kie.generate("{\"prompt\":\"too big for the GPU\",\"duration\":5,\"quality\":\"1080p\","
                + "\"aspectRatio\":\"16:9\"}");
        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failCode").asInt()).isEqualTo(500);
        assertThat(detail.get("failMsg").asString()).isEqualTo("ComfyUI failed at node 3 (KSampler): "
                + "torch.OutOfMemoryError: Allocation on device 0 would exceed allowed memory. (out of memory)");
    }

    @Test
    void anUnreachableServerIsSkippedAndTheTaskRunsOnTheOther() {
        GPU0.stop();
        try {
            String taskId = kie.generate("{\"prompt\":\"gpu0 is unplugged\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"1:1\"}");

            assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
            assertThat(GPU1.promptsWithText("gpu0 is unplugged")).hasSize(1);
            assertThat(GPU0.promptsWithText("gpu0 is unplugged")).isEmpty();
        } finally {
            GPU0.start();
        }
    }

    @Test
    void withEveryServerDownGenerateFailsOverToThePreviewEngine() {
        GPU0.stop();
        GPU1.stop();
        try {
            String taskId = kie.generate("{\"prompt\":\"the whole rack is off\",\"duration\":5,\"quality\":\"720p\","
                    + "\"aspectRatio\":\"16:9\"}");
            JsonNode view = awaitView(taskId);

            assertThat(view.get("state").asString()).isEqualTo("success");
            assertThat(view.get("engine").asString()).isEqualTo("preview");
        } finally {
            GPU0.start();
            GPU1.start();
        }
    }

    @Test
    void aServerThatVanishesMidRunHasItsTaskSubmittedAgainOnTheOther() {
        String prompt = "the GPU box loses power";
        GPU0.script(prompt, Outcome.RUN_FOREVER, 0);
        GPU1.script(prompt, Outcome.RUN_FOREVER, 0);
        String taskId = kie.generate("{\"prompt\":\"" + prompt + "\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> allPrompts(prompt).size() == 1);
        FakeComfyUi first = serverWith(prompt);
        FakeComfyUi other = first == GPU0 ? GPU1 : GPU0;
        other.script(prompt, Outcome.SUCCEED, 1);

        first.stop();
        try {
            JsonNode view = awaitView(taskId);

            assertThat(view.get("state").asString()).isEqualTo("success");
            assertThat(first.promptsWithText(prompt)).hasSize(1);
            assertThat(other.promptsWithText(prompt)).hasSize(1);
        } finally {
            // the abandoned prompt would otherwise keep "running" there and hold later prompts in its queue
            first.forgetQueueAndHistory();
            first.start();
        }
    }

    @Test
    void aRestartedServerThatForgotThePromptGetsTheTaskAgain() {
        String prompt = "comfyui restarts mid-run";
        GPU0.script(prompt, Outcome.RUN_FOREVER, 0);
        GPU1.script(prompt, Outcome.RUN_FOREVER, 0);
        String taskId = kie.generate("{\"prompt\":\"" + prompt + "\",\"duration\":5,\"quality\":\"720p\","
                + "\"aspectRatio\":\"16:9\"}");
        awaitUntil(() -> allPrompts(prompt).size() == 1);
        FakeComfyUi first = serverWith(prompt);
        awaitUntil(() -> first.requests().contains("GET /queue"));
        GPU0.script(prompt, Outcome.SUCCEED, 0);
        GPU1.script(prompt, Outcome.SUCCEED, 0);

        first.forgetQueueAndHistory();

        assertThat(awaitView(taskId).get("state").asString()).isEqualTo("success");
        assertThat(allPrompts(prompt)).hasSize(2);
    }

    @Test
    void aPassedDeadlineInterruptsThePromptAndFailsTheTask() {
        String prompt = "takes longer than the client waits";
        GPU0.script(prompt, Outcome.RUN_FOREVER, 0);
        GPU1.script(prompt, Outcome.RUN_FOREVER, 0);
        HttpRequest request = kie.authorized("/api/v1/runway/generate")
                .header("Content-Type", "application/json")
                .header("Reelgate-Deadline", "3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + prompt + "\",\"duration\":5,"
                        + "\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}", StandardCharsets.UTF_8))
                .build();
        String taskId = kie.send(request).data().get("taskId").asString();

        JsonNode detail = kie.awaitTerminal(taskId, TIMEOUT);

        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(detail.get("failMsg").asString()).isEqualTo("Task was cancelled: its deadline passed");
        FakeComfyUi server = serverWith(prompt);
        String promptId = server.promptIds(prompt).get(0);
        awaitUntil(() -> server.interrupts().stream()
                .anyMatch(body -> body.path("prompt_id").asString("").equals(promptId)));
        awaitUntil(() -> server.queueEdits().stream()
                .anyMatch(edit -> edit.path("delete").path(0).asString("").equals(promptId)));
    }

    private JsonNode awaitView(String taskId) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode view = kie.get("/api/v1/tasks/" + taskId).data();
            String state = view.get("state").asString();
            if (state.equals("success") || state.equals("fail")) {
                return view;
            }
            sleep();
        }
        throw new AssertionError("task " + taskId + " not terminal after " + TIMEOUT);
    }

    private static JsonNode onlyPrompt(String text) {
        List<JsonNode> bodies = allPrompts(text);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private static List<JsonNode> allPrompts(String text) {
        return Stream.concat(GPU0.promptsWithText(text).stream(), GPU1.promptsWithText(text).stream()).toList();
    }

    private static FakeComfyUi serverWith(String text) {
        return GPU0.promptsWithText(text).isEmpty() ? GPU1 : GPU0;
    }

    private static long seedOf(JsonNode body, String samplerNode) {
        JsonNode seed = body.get("prompt").get(samplerNode).get("inputs").get("seed");
        assertThat(seed.isIntegralNumber()).isTrue();
        assertThat(seed.asLong()).isBetween(0L, (1L << 53) - 1);
        return seed.asLong();
    }

    private static JsonNode expected(String resource, String taskId, long seed) {
        try (InputStream in = ComfyUiEngineEndToEndTest.class.getResourceAsStream("/comfyui/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"<seed>\"", Long.toString(seed))
                    .replace("<task>", taskId);
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reelgate-comfyui-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
