package io.reelgate.server.engine.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import io.reelgate.server.testsupport.Await;
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
import io.reelgate.server.testsupport.FakeFal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server with SIGKILL while its fal request runs, starts it again on the same data directory, and checks
 * the new process resumes polling the stored {@code app|request_id} without a second submit, ends the task once,
 * and never wrote the key into the log or the data directory (database included).
 */
class FalRestartTest {

    private static final Pattern TERMINAL = Pattern.compile("Task (\\S+) generating -> (success|fail)");
    private static final String T2V = "fal-ai/kling-video/v2.1/master/text-to-video";
    private static final String APP = "fal-ai/kling-video";

    @TempDir
    Path dataDir;

    @Test
    void aRequestRunningDuringKillNineIsPolledAgainAfterRestartAndSucceedsOnce() throws Exception {
        Path log = dataDir.resolve("server.log");
        String requestId = "80e7a1b2-0000-4000-8000-00000000a001";
        try (FakeFal fal = new FakeFal()) {
            fal.submitAnswers(T2V, FakeFal.accepted(APP, requestId));
            fal.statusAnswers(APP, requestId, FakeFal.inProgress(requestId));
            String[] args = {"--reelgate.engine.fal.api-key=" + FakeFal.KEY,
                    "--reelgate.engine.fal.base-url=" + fal.baseUrl(),
                    "--reelgate.engine.fal.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
                    "--reelgate.upstream.claim-duration=3s", "--reelgate.routing.generate=fal",
                    "--reelgate.outbound.allowed-hosts=127.0.0.1"};
            String taskId;
            try (ServerProcess first = ServerProcess.start(dataDir, log, args)) {
                taskId = client(first).generate("{\"prompt\":\"survives a restart\",\"duration\":5,\"quality\":\"720p\","
                        + "\"aspectRatio\":\"16:9\"}");
                Await.until(Duration.ofSeconds(60), "the request was never polled", () -> fal.server().findAll(
                        getRequestedFor(urlEqualTo("/" + APP + "/requests/" + requestId + "/status"))).size() >= 2);
                first.kill();
            }
            fal.statusAnswers(APP, requestId, FakeFal.completed(requestId, 12.5));
            fal.resultVideo(APP, requestId);

            try (ServerProcess second = ServerProcess.start(dataDir, log, args)) {
                KieHttp kie = client(second);
                JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(60));
                assertThat(detail.get("state").asString()).isEqualTo("success");
                Path video = dataDir.resolve("downloaded.mp4");
                kie.download(detail.get("videoInfo").get("videoUrl").asString(), video);
                assertThat(VideoProbe.probe(video).decodedFrames()).isEqualTo(TinyMp4.FRAMES);
                assertThat(kie.get("/v3/api-docs").raw().body()).doesNotContain(FakeFal.KEY);
            }
            fal.server().verify(1, postRequestedFor(urlEqualTo("/" + T2V)));
        }
        String written = Files.readString(log);
        assertThat(terminalTransitions(written)).containsExactly("success");
        assertThat(written).doesNotContain(FakeFal.KEY);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(FakeFal.KEY);
            }
        }
    }

    private KieHttp client(ServerProcess server) throws java.io.IOException {
        return new KieHttp(server.baseUrl(), Files.readString(dataDir.resolve("dev-api-key.txt")).trim());
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
