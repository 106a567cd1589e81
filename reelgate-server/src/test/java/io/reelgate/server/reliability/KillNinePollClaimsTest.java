package io.reelgate.server.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.FakeRunway;
import io.reelgate.server.testsupport.KeptLogs;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a node while it holds a batch of poll claims (its polls hang at the upstream), then another node (its
 * own node id, the same database) polls those tasks once the claims run out and finishes each exactly once, without
 * a second create at the upstream.
 */
@Tag("reliability")
class KillNinePollClaimsTest {

    private static final int TASKS = 12;
    private static final Pattern SUCCESS = Pattern.compile("Task (\\S+) \\w+ -> success\\b");

    @TempDir
    Path dataDir;

    @Test
    void tasksWhoseClaimsDiedWithTheirNodeArePolledByAnotherNodeAndEndOnce() throws Exception {
        Path log = dataDir.resolve("server.log");
        try (FakeRunway runway = new FakeRunway()) {
            List<String> upstreamIds = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                String id = "run-" + i;
                upstreamIds.add(id);
                runway.acceptCreate("text_to_video", "claims " + i, id);
                // node A's polls hang: it dies holding the claims
                runway.taskAnswers(id, FakeRunway.running(id, 0.2).withFixedDelay(120_000));
            }
            ServerProcess nodeA = ServerProcess.start(dataDir, log, args(runway, "node-a"));
            String key = Files.readString(dataDir.resolve("dev-api-key.txt")).trim();
            KieHttp kie = new KieHttp(nodeA.baseUrl(), key);
            List<String> taskIds = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                KieHttp.Answer answer = kie.postJson("/api/v1/runway/generate",
                        "{\"prompt\":\"claims " + i + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
                assertThat(answer.code()).as(answer.raw().body()).isEqualTo(200);
                taskIds.add(answer.data().get("taskId").asText());
            }
            Await.until(Duration.ofSeconds(60), "node A polling every task (holding its claim)", () ->
                    upstreamIds.stream().allMatch(id -> !runway.server()
                            .findAll(getRequestedFor(urlEqualTo("/v1/tasks/" + id))).isEmpty()));
            nodeA.kill();

            for (String id : upstreamIds) {
                runway.taskAnswers(id, runway.succeeded(id));
            }
            ServerProcess nodeB = ServerProcess.start(dataDir, log, args(runway, "node-b"));
            try {
                KieHttp kieB = new KieHttp(nodeB.baseUrl(), key);
                for (String taskId : taskIds) {
                    Await.until(Duration.ofSeconds(90), "task " + taskId + " succeeding on node B", () ->
                            kieB.get("/api/v1/runway/record-detail?taskId=" + taskId).data().get("state").asText(),
                            "success"::equals);
                }
            } finally {
                nodeB.close();
            }
            assertThat(runway.server().findAll(postRequestedFor(urlMatching("/v1/.*")))).as("one create per task")
                    .hasSize(TASKS);
            List<String> successes = new ArrayList<>();
            Matcher m = SUCCESS.matcher(Files.readString(log));
            while (m.find()) {
                successes.add(m.group(1));
            }
            assertThat(successes).as("each task succeeds once").containsExactlyInAnyOrderElementsOf(taskIds);
        } finally {
            KeptLogs.keep(log, "kill-nine-poll-claims.log");
        }
    }

    /** Short claims, so node B takes over within seconds; the runway engine only, at the fake. */
    private static String[] args(FakeRunway runway, String nodeId) {
        return new String[] {"--reelgate.dispatch.node-id=" + nodeId,
            "--reelgate.engine.runway.api-secret=" + FakeRunway.SECRET,
            "--reelgate.engine.runway.base-url=" + runway.baseUrl(),
            "--reelgate.engine.runway.poll-interval=200ms", "--reelgate.upstream.tick=100ms",
            "--reelgate.upstream.claim-duration=4s", "--reelgate.upstream.batch-size=5",
            "--reelgate.routing.generate=runway", "--reelgate.outbound.allowed-hosts=127.0.0.1",
            "--reelgate.dispatch.lease-duration=6s", "--reelgate.dispatch.shutdown-grace=0s",
            "--reelgate.rate-limit.enabled=false"};
    }
}
