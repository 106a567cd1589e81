package io.reelgate.server.engine.veo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeVeo;
import io.reelgate.server.testsupport.KillNineRestart;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while a Veo operation runs, starts it again on the same data directory, and checks
 * the new process resumes reading the stored operation, never creates a second one, and ends the task once.
 */
class VeoRestartTest {

    private static final String MODEL = "veo-3.1-fast-generate-preview";

    @TempDir
    Path dataDir;

    @Test
    void operationRunningDuringKillNineIsReadAgainAfterRestartAndSucceedsOnce() throws Exception {
        String op = "restartop1";
        String operation = "/v1beta/" + FakeVeo.operationName(MODEL, op);
        KillNineRestart restart;
        try (FakeVeo veo = new FakeVeo()) {
            veo.acceptCreate(MODEL, "survives a restart", op);
            veo.operationAnswers(MODEL, op, FakeVeo.running(MODEL, op));
            restart = KillNineRestart.hosted(dataDir, "veo", "--reelgate.engine.veo.api-key=" + FakeVeo.KEY,
                    "--reelgate.engine.veo.base-url=" + veo.baseUrl());
            String taskId = restart.submitThenKill(KillNineRestart.generateBody("survives a restart", 8),
                    KillNineRestart.awaitingPolls(veo.api(), operation));
            // while no node was running, the operation finished
            veo.operationAnswers(MODEL, op, veo.done(MODEL, op));

            Path video = restart.succeedsAfterRestart(taskId);
            assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            veo.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(MODEL))));
        }
        assertThat(restart.terminalTransitions()).containsExactly("success");
    }
}
