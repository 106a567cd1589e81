package io.reelgate.server.engine.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeReplicate;
import io.reelgate.server.testsupport.KillNineRestart;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while its prediction runs, starts it again on the same data directory, and checks the
 * new process resumes polling the stored prediction id and never creates a second prediction.
 */
class ReplicateRestartTest {

    private static final String CREATE = "/v1/models/bytedance/seedance-1-pro/predictions";

    @TempDir
    Path dataDir;

    @Test
    void predictionRunningDuringKillNineIsPolledAgainAfterRestartWithoutASecondCreate() throws Exception {
        String id = "r3st4rtr3st4rtr3st4rtr3st4";
        KillNineRestart restart;
        try (FakeReplicate replicate = new FakeReplicate()) {
            replicate.createAnswers(CREATE.substring(3), "survives a restart", FakeReplicate.created(id));
            replicate.predictionAnswers(id, FakeReplicate.processing(id, ""));
            restart = KillNineRestart.hosted(dataDir, "replicate", "--reelgate.engine.replicate.api-token="
                    + FakeReplicate.TOKEN, "--reelgate.engine.replicate.base-url=" + replicate.baseUrl() + "/v1");
            String taskId = restart.submitThenKill(KillNineRestart.generateBody("survives a restart", 5),
                    KillNineRestart.awaitingPolls(replicate.server(), "/v1/predictions/" + id));
            replicate.predictionAnswers(id, replicate.succeeded(id));

            Path video = restart.succeedsAfterRestart(taskId);
            assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            replicate.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
        }
        assertThat(restart.log()).doesNotContain(FakeReplicate.TOKEN);
    }
}
