package io.reelgate.server.engine.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeReplicate;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TinyMp4;
import io.reelgate.server.testsupport.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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
        Path log = dataDir.resolve("server.log");
        String id = "r3st4rtr3st4rtr3st4rtr3st4";
        try (FakeReplicate replicate = new FakeReplicate()) {
            replicate.createAnswers(CREATE.substring(3), "survives a restart", FakeReplicate.created(id));
            replicate.predictionAnswers(id, FakeReplicate.processing(id, ""));
            String[] args = {"--reelgate.engine.replicate.api-token=" + FakeReplicate.TOKEN,
                    "--reelgate.engine.replicate.base-url=" + replicate.baseUrl() + "/v1",
                    "--reelgate.engine.replicate.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                    "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=replicate",
                    "--reelgate.outbound.allowed-hosts=127.0.0.1"};
            String taskId;
            try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
                taskId = client(first).generate("{\"prompt\":\"survives a restart\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                Await.until(Duration.ofSeconds(60), "the prediction was never polled", () -> replicate.server()
                        .findAll(getRequestedFor(urlEqualTo("/v1/predictions/" + id))).size() >= 2);
                first.kill();
            }
            replicate.predictionAnswers(id, replicate.succeeded(id));

            try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
                KieHttp kie = client(second);
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                assertThat(detail.get("state").asString()).isEqualTo("success");
                Path video = dataDir.resolve("downloaded.mp4");
                kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
                assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            }
            replicate.server().verify(1, postRequestedFor(urlEqualTo(CREATE)));
        }
        assertThat(Files.readString(log)).doesNotContain(FakeReplicate.TOKEN);
    }

    private KieHttp client(ServerProcess server) throws java.io.IOException {
        return new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
    }
}
