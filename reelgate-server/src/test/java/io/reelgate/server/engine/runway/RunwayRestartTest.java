package io.reelgate.server.engine.runway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TinyMp4;
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
 * Kills the server with SIGKILL while its task runs upstream, starts it again on the same data directory (WireMock
 * keeps playing Runway in the test JVM), and checks the new process resumes polling the stored upstream id, never
 * submits the task again, and ends it exactly once.
 */
class RunwayRestartTest {

    private static final Pattern TERMINAL = Pattern.compile("Task (\\S+) generating -> (success|fail)");

    @TempDir
    Path dataDir;

    @Test
    void upstreamTaskRunningDuringKillNineIsPolledAgainAfterRestartAndSucceedsOnce() throws Exception {
        Path log = dataDir.resolve("server.log");
        String upstreamId = "5a1d2c3e-7f80-4b1a-9c2d-00000000a001";
        try (FakeRunway runway = new FakeRunway()) {
            runway.acceptCreate("text_to_video", "survives a restart", upstreamId);
            runway.taskAnswers(upstreamId, FakeRunway.running(upstreamId, 0.3));
            String[] args = {"--reelgate.engine.runway.api-secret=" + FakeRunway.SECRET,
                    "--reelgate.engine.runway.base-url=" + runway.baseUrl(),
                    "--reelgate.engine.runway.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                    "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=runway",
                    "--reelgate.outbound.allowed-hosts=127.0.0.1"};
            String taskId;
            try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
                taskId = client(first).generate("{\"prompt\":\"survives a restart\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                awaitPolls(runway, upstreamId, 2);
                first.kill();
            }
            // while no node was running, the upstream task finished
            runway.taskAnswers(upstreamId, runway.succeeded(upstreamId));

            try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
                KieHttp kie = client(second);
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                assertThat(detail.get("state").asString()).isEqualTo("success");
                Path video = dataDir.resolve("downloaded.mp4");
                kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
                assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
            }
            runway.server().verify(1, postRequestedFor(urlEqualTo("/v1/text_to_video")));
        }
        assertThat(terminalTransitions(Files.readString(log))).containsExactly("success");
    }

    private KieHttp client(ServerProcess server) throws java.io.IOException {
        return new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
    }

    private static void awaitPolls(FakeRunway runway, String upstreamId, int polls) {
        Await.until(Duration.ofSeconds(60), "the upstream task was never polled",
                () -> runway.server().findAll(getRequestedFor(urlEqualTo("/v1/tasks/" + upstreamId))).size() >= polls);
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
