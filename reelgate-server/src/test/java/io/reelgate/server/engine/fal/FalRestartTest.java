package io.reelgate.server.engine.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.FakeFal;
import io.reelgate.server.testsupport.KillNineRestart;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL while its fal request runs, starts it again on the same data directory, and checks
 * the new process resumes polling the stored {@code app|request_id} without a second submit, ends the task once,
 * and never wrote the key into the log or the data directory (database included).
 */
class FalRestartTest {

    private static final String T2V = "fal-ai/kling-video/v2.1/master/text-to-video";
    private static final String APP = "fal-ai/kling-video";

    @TempDir
    Path dataDir;

    @Test
    void aRequestRunningDuringKillNineIsPolledAgainAfterRestartAndSucceedsOnce() throws Exception {
        String requestId = "80e7a1b2-0000-4000-8000-00000000a001";
        KillNineRestart restart;
        try (FakeFal fal = new FakeFal()) {
            fal.submitAnswers(T2V, FakeFal.accepted(APP, requestId));
            fal.statusAnswers(APP, requestId, FakeFal.inProgress(requestId));
            restart = KillNineRestart.hosted(dataDir, "fal", "--reelgate.engine.fal.api-key=" + FakeFal.KEY,
                    "--reelgate.engine.fal.base-url=" + fal.baseUrl());
            String taskId = restart.submitThenKill(KillNineRestart.generateBody("survives a restart", 5),
                    KillNineRestart.awaitingPolls(fal.server(), "/" + APP + "/requests/" + requestId + "/status"));
            fal.statusAnswers(APP, requestId, FakeFal.completed(requestId, 12.5));
            fal.resultVideo(APP, requestId);

            Path video = restart.succeedsAfterRestart(taskId,
                    kie -> assertThat(kie.get("/v3/api-docs").raw().body()).doesNotContain(FakeFal.KEY));
            assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            fal.server().verify(1, postRequestedFor(urlEqualTo("/" + T2V)));
        }
        assertThat(restart.terminalTransitions()).containsExactly("success");
        assertThat(restart.log()).doesNotContain(FakeFal.KEY);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(FakeFal.KEY);
            }
        }
    }
}
