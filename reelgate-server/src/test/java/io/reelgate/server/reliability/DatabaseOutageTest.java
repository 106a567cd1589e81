package io.reelgate.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The PostgreSQL server stops for a few seconds while tasks are queued and rendering. Meanwhile requests answer
 * promptly with the "service unavailable" envelope (KIE code 455, HTTP 503 in mirror mode), never a hang or a
 * stack trace; once it is back, the workers, the lease keeper and the callback sender carry on and every task
 * finishes with its callback delivered.
 */
@Tag("reliability")
class DatabaseOutageTest {

    private static final int TASKS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @Test
    void requestsAnswer503DuringAnOutageAndEveryTaskFinishesAfterIt() throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres(dir.resolve("pgdata"));
             CallbackReceiver receiver = new CallbackReceiver()) {
            postgres.start();
            String jdbcUrl = postgres.createDatabase("reelgate");
            Path dataDir = dir.resolve("data");
            try (ServerProcess server = ServerProcess.start(dataDir, dir.resolve("server.log"), args(jdbcUrl))) {
                KieHttp kie = new KieHttp(server.baseUrl(), new AdminHttp(server.baseUrl(), dataDir)
                        .createKey("outage", 1000).secret());
                List<String> taskIds = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    taskIds.add(kie.generate("{\"prompt\":\"outage " + i + "\",\"duration\":5,\"quality\":\"720p\","
                            + "\"aspectRatio\":\"16:9\",\"callBackUrl\":\"" + receiver.url("/hook") + "\"}"));
                }
                awaitGenerating(kie, taskIds);

                postgres.stop();
                Instant back = Instant.now().plus(OUTAGE);
                int answered = 0;
                try {
                    // kept: not a wait but the outage window itself, probed without pause for as long as it lasts
                    while (Instant.now().isBefore(back)) {
                        assertUnavailable(() -> kie.get("/api/v1/runway/record-detail?taskId=" + taskIds.get(0)));
                        assertUnavailable(() -> kie.postJson("/api/v1/runway/generate",
                                "{\"prompt\":\"during\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}"));
                        answered += 2;
                    }
                } catch (AssertionError e) {
                    String log = server.logText();
                    int unexpected = log.indexOf("Unexpected error on");
                    throw new AssertionError(e.getMessage() + "\nserver log from the first unexpected error:\n"
                            + (unexpected < 0 ? "(none)" : log.substring(unexpected, Math.min(log.length(), unexpected + 12000))), e);
                }
                assertThat(answered).as("requests answered during the outage").isGreaterThanOrEqualTo(4);
                postgres.start();
                awaitAvailable(kie, taskIds.get(0));

                for (String taskId : taskIds) {
                    JsonNode detail = kie.awaitTerminal(taskId, Duration.ofSeconds(120));
                    assertThat(detail.get("state").asString()).as("task %s: %s", taskId, detail).isEqualTo("success");
                }
                receiver.await("/hook", TASKS, Duration.ofSeconds(60));
                assertThat(kie.get("/api/v1/chat/credit").data().asLong()).as("no task created during the outage")
                        .isEqualTo(1000 - TASKS * 12);
                assertThat(server.logText()).contains("Database unavailable while authenticating GET /api/v1/runway/record-detail")
                        .doesNotContain("Unexpected error on");
            }
        }
    }

    /** Fast failure instead of waiting out a dead pool: 1 s to get a connection; mirror mode for real statuses. */
    private static String[] args(String jdbcUrl) {
        return new String[] {"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
            "--spring.datasource.password=", "--spring.datasource.hikari.connection-timeout=1000",
            "--spring.datasource.hikari.validation-timeout=500", "--reelgate.api.error-http-status=mirror",
            "--reelgate.outbound.allow-private-networks=true", "--reelgate.engine.preview.fps=8",
            "--reelgate.dispatch.workers=1",
            "--reelgate.dispatch.lease-duration=5s", "--reelgate.dispatch.heartbeat-interval=1s",
            "--reelgate.dispatch.recovery-interval=1s", "--reelgate.callback.retry-delays=1s,2s,3s,5s,5s",
            "--reelgate.callback.jitter=0", "--reelgate.callback.poll-interval=200ms"};
    }

    /** Answered within the pool's connection timeout plus a margin, not after a hang. */
    private static void assertUnavailable(java.util.function.Supplier<KieHttp.Answer> request) {
        Instant start = Instant.now();
        KieHttp.Answer answer = request.get();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo(455);
        assertThat(answer.msg()).isEqualTo("Service unavailable - the database cannot be reached; retry in a few seconds");
        assertThat(answer.data().isNull()).isTrue();
    }

    /** The pool replaces its broken connections within moments of the database coming back. */
    private static void awaitAvailable(KieHttp kie, String taskId) {
        Await.until(Duration.ofSeconds(20), "still unavailable 20 s after the database came back",
                () -> kie.get("/api/v1/runway/record-detail?taskId=" + taskId).code() == 200);
    }

    private static void awaitGenerating(KieHttp kie, List<String> taskIds) {
        Await.until(Duration.ofSeconds(60), "no task started generating",
                () -> taskIds.stream().anyMatch(id -> kie.detail(id).get("state").asString().equals("generating")));
    }
}
