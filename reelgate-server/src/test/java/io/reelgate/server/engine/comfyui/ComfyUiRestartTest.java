package io.reelgate.server.engine.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeComfyUi;
import io.reelgate.server.testsupport.FakeComfyUi.Outcome;
import io.reelgate.server.testsupport.KillNineRestart;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while its prompt runs on ComfyUI, lets the prompt finish while no Reelgate runs,
 * starts the server again on the same data directory and checks it tracks the stored server and prompt id, never
 * queues the prompt again, and ends the task exactly once.
 */
class ComfyUiRestartTest {

    private static final String PROMPT = "survives a restart";

    @TempDir
    Path dataDir;

    @Test
    void promptRunningDuringKillNineIsTrackedAgainAfterRestartAndFinishesOnce() throws Exception {
        KillNineRestart restart;
        try (FakeComfyUi comfy = new FakeComfyUi()) {
            comfy.script(PROMPT, Outcome.RUN_FOREVER, 0);
            restart = KillNineRestart.of(dataDir, "comfyui", "--reelgate.engine.comfyui.servers=gpu0=" + comfy.baseUrl());
            // each poll of a running prompt reads /history, then /queue
            String taskId = restart.submitThenKill(KillNineRestart.generateBody(PROMPT, 5), KillNineRestart.awaiting(
                    "the prompt was never polled",
                    () -> comfy.requests().stream().filter("GET /queue"::equals).count() >= 2));
            // while no Reelgate was running, the GPU finished the prompt
            comfy.finish(PROMPT);

            VideoProbe.Info info = VideoProbe.probe(restart.succeedsAfterRestart(taskId));
            assertThat(info.codecName()).isEqualTo("h264");
            assertThat(info.width()).isEqualTo(1280);
            assertThat(info.height()).isEqualTo(720);
            assertThat(comfy.promptsWithText(PROMPT)).hasSize(1);
        }
        assertThat(restart.terminalTransitions()).containsExactly("success");
    }
}
