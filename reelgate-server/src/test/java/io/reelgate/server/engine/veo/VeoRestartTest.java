package io.reelgate.server.engine.veo;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeVeo;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL while a Veo operation runs, starts it again on the same data directory, and checks
 * the new process resumes reading the stored operation, never creates a second one, and ends the task once.
 */
class VeoRestartTest {

    private static final String MODEL = "veo-3.1-fast-generate-preview";
    private static final Pattern TERMINAL = Pattern.compile("Task (\\S+) generating -> (success|fail)");

    @TempDir
    Path dataDir;

    @Test
    void operationRunningDuringKillNineIsReadAgainAfterRestartAndSucceedsOnce() throws Exception {
        Path log = dataDir.resolve("server.log");
        String op = "restartop1";
        String operation = "/v1beta/" + FakeVeo.operationName(MODEL, op);
        try (FakeVeo veo = new FakeVeo()) {
            veo.acceptCreate(MODEL, "survives a restart", op);
            veo.operationAnswers(MODEL, op, FakeVeo.running(MODEL, op));
            String[] args = {"--reelgate.engine.veo.api-key=" + FakeVeo.KEY, "--reelgate.engine.veo.base-url=" + veo.baseUrl(),
                    "--reelgate.engine.veo.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                    "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=veo",
                    "--reelgate.outbound.allowed-hosts=127.0.0.1"};
            String taskId;
            try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
                taskId = client(first).generate("{\"prompt\":\"survives a restart\",\"duration\":8,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                Await.until(Duration.ofSeconds(60), "the operation was never read twice",
                        () -> veo.api().findAll(getRequestedFor(urlEqualTo(operation))).size() >= 2);
                first.kill();
            }
            // while no node was running, the operation finished
            veo.operationAnswers(MODEL, op, veo.done(MODEL, op));

            try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
                KieHttp kie = client(second);
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                assertThat(detail.get("state").asString()).isEqualTo("success");
                Path video = dataDir.resolve("downloaded.mp4");
                kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
                assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            }
            veo.api().verify(1, postRequestedFor(urlEqualTo(FakeVeo.createPath(MODEL))));
        }
        Matcher endings = TERMINAL.matcher(Files.readString(log));
        int count = 0;
        while (endings.find()) {
            assertThat(endings.group(2)).isEqualTo("success");
            count++;
        }
        assertThat(count).isEqualTo(1);
    }

    private KieHttp client(ServerProcess server) throws java.io.IOException {
        return new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
    }
}
