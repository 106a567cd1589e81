package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL while its prompt runs on ComfyUI, lets the prompt finish while no Reelgate runs,
 * starts the server again on the same data directory and checks it tracks the stored server and prompt id, never
 * queues the prompt again, and ends the task exactly once.
 */
class ComfyUiRestartTest {

    private static final Pattern TERMINAL = Pattern.compile("Task (\\S+) generating -> (success|fail)");
    private static final String PROMPT = "survives a restart";

    @TempDir
    Path dataDir;

    @Test
    void promptRunningDuringKillNineIsTrackedAgainAfterRestartAndFinishesOnce() throws Exception {
        Path log = dataDir.resolve("server.log");
        try (FakeComfyUi comfy = new FakeComfyUi()) {
            comfy.script(PROMPT, Outcome.RUN_FOREVER, 0);
            String[] args = {"--reelgate.engine.comfyui.servers=gpu0=" + comfy.baseUrl(),
                    "--reelgate.engine.comfyui.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                    "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=comfyui"};
            String taskId;
            try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
                taskId = client(first).generate("{\"prompt\":\"" + PROMPT + "\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                awaitQueueReads(comfy, 2);
                first.kill();
            }
            // while no Reelgate was running, the GPU finished the prompt
            comfy.finish(PROMPT);

            try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
                KieHttp kie = client(second);
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                assertThat(detail.get("state").asString()).isEqualTo("success");
                Path video = dataDir.resolve("downloaded.mp4");
                kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
                VideoProbe.Info info = VideoProbe.probe(video);
                assertThat(info.codecName()).isEqualTo("h264");
                assertThat(info.width()).isEqualTo(1280);
                assertThat(info.height()).isEqualTo(720);
            }
            assertThat(comfy.promptsWithText(PROMPT)).hasSize(1);
        }
        assertThat(terminalTransitions(Files.readString(log))).containsExactly("success");
    }

    private KieHttp client(ServerProcess server) throws java.io.IOException {
        return new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
    }

    /** Each poll of a running prompt reads /history, then /queue. */
    private static void awaitQueueReads(FakeComfyUi comfy, int reads) {
        Await.until(Duration.ofSeconds(60), "the prompt was never polled",
                () -> comfy.requests().stream().filter("GET /queue"::equals).count() >= reads);
    }

    private static List<String> terminalTransitions(String log) {
        List<String> endings = new ArrayList<>();
        Matcher matcher = TERMINAL.matcher(log);
        while (matcher.find()) {
            endings.add(matcher.group(2));
        }
        return endings;
    }
}
