package io.reelgate.server.engine.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KillNineRestart;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while its task runs upstream, starts it again on the same data directory (WireMock
 * keeps playing Runway in the test JVM), and checks the new process resumes polling the stored upstream id, never
 * submits the task again, and ends it exactly once.
 */
class RunwayRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void upstreamTaskRunningDuringKillNineIsPolledAgainAfterRestartAndSucceedsOnce() throws Exception {
        String upstreamId = "5a1d2c3e-7f80-4b1a-9c2d-00000000a001";
        KillNineRestart restart;
        try (FakeRunway runway = new FakeRunway()) {
            runway.acceptCreate("text_to_video", "survives a restart", upstreamId);
            runway.taskAnswers(upstreamId, FakeRunway.running(upstreamId, 0.3));
            restart = KillNineRestart.hosted(dataDir, "runway", "--reelgate.engine.runway.api-secret="
                    + FakeRunway.SECRET, "--reelgate.engine.runway.base-url=" + runway.baseUrl());
            String taskId = restart.submitThenKill(KillNineRestart.generateBody("survives a restart", 5),
                    KillNineRestart.awaitingPolls(runway.server(), "/v1/tasks/" + upstreamId));
            // while no node was running, the upstream task finished
            runway.taskAnswers(upstreamId, runway.succeeded(upstreamId));

            Path video = restart.succeedsAfterRestart(taskId);
            assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            runway.server().verify(1, postRequestedFor(urlEqualTo("/v1/text_to_video")));
        }
        assertThat(restart.terminalTransitions()).containsExactly("success");
    }
}
