package io.reelgate.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.CallbackReceiver;
import io.reelgate.server.testsupport.CallbackReceiver.Received;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The outbox and the refund survive a kill -9: a callback that failed once is retried by the restarted server under
 * the same webhook-id until delivered, and a task interrupted mid-download fails after the restart and is
 * refunded exactly once; an Idempotency-Key used before the kill still replays its task afterwards.
 */
class RestartDeliveryTest {

    private static final String[] ARGS = {"--reelgate.outbound.allow-private-networks=true",
        "--reelgate.callback.retry-delays=3s,3s,3s", "--reelgate.callback.jitter=0", "--reelgate.callback.timeout=5s",
        "--reelgate.dispatch.workers=1"};

    @TempDir
    Path dataDir;

    @Test
    void pendingCallbackAndInterruptedTaskFinishCorrectlyAfterKillNine() throws Exception {
        Path log = dataDir.resolve("server.log");
        String callbackTask;
        String interruptedTask;
        String idempotentTask;
        AdminHttp.Key key;
        try (CallbackReceiver receiver = new CallbackReceiver(); ImageHost host = new ImageHost()) {
            receiver.answer(500, 500);
            try (ServerProcess first = ServerProcess.start(dataDir, log, ARGS)) {
                key = new AdminHttp(first.baseUrl(), dataDir).createKey("restart", 100);
                KieHttp kie = new KieHttp(first.baseUrl(), key.secret());
                callbackTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\","
                        + "\"callBackUrl\":\"" + receiver.url("/hook") + "\"}");
                receiver.await("/hook", 1, Duration.ofSeconds(60));
                awaitAttemptsRecorded(kie, callbackTask, 1);
                idempotentTask = submitWithKey(kie);
                String slowImage = host.serveSlowly("/slow.png", ImageHost.png(64, 64), Duration.ofSeconds(60));
                interruptedTask = kie.generate("{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\""
                        + slowImage + "\"}");
                awaitState(kie, interruptedTask, "generating");
                first.kill();
            }
            host.remove("/slow.png");

            try (ServerProcess second = ServerProcess.start(dataDir, log, ARGS)) {
                KieHttp kie = new KieHttp(second.baseUrl(), key.secret());
                List<Received> attempts = receiver.await("/hook", 3, Duration.ofSeconds(60));
                assertThat(attempts).extracting(r -> r.headers().get("webhook-id"))
                        .containsOnly(attempts.get(0).headers().get("webhook-id"));
                JsonNode delivery = awaitAttemptsRecorded(kie, callbackTask, 3);
                assertThat(delivery.get("state").asString()).isEqualTo("delivered");

                assertThat(submitWithKey(kie)).as("the Idempotency-Key survived the restart").isEqualTo(idempotentTask);

                JsonNode failed = kie.awaitTerminal(interruptedTask, Duration.ofSeconds(60));
                assertThat(failed.get("state").asString()).isEqualTo("fail");
                assertThat(failed.get("failMsg").asString()).isEqualTo("Failed to fetch the image: the server answered HTTP 404");
                JsonNode ledger = kie.get("/api/v1/account/ledger").data();
                long sum = 0;
                int refunds = 0;
                int charges = 0;
                for (JsonNode entry : ledger) {
                    sum += entry.get("delta").asLong();
                    refunds += entry.get("reason").asString().equals("refund") ? 1 : 0;
                    charges += entry.get("reason").asString().equals("charge") ? 1 : 0;
                }
                assertThat(charges).isEqualTo(3);
                assertThat(refunds).isEqualTo(1);
                assertThat(sum).isEqualTo(100 - 12 - 12);
                assertThat(kie.get("/api/v1/chat/credit").data().asLong()).isEqualTo(sum);
            }
        }
    }

    private static String submitWithKey(KieHttp kie) {
        KieHttp.Answer answer = kie.send(kie.authorized("/api/v1/runway/generate").header("Content-Type", "application/json")
                .header("Idempotency-Key", "restart-key").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"once\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}")).build());
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data().get("taskId").asString();
    }

    private static JsonNode awaitAttemptsRecorded(KieHttp kie, String taskId, int attempts) {
        return Await.until(Duration.ofSeconds(60), "delivery of " + taskId + " records " + attempts + " attempts",
                () -> kie.get("/api/v1/callbacks?taskId=" + taskId).data(),
                deliveries -> deliveries.size() == 1 && deliveries.get(0).get("attemptLog").size() >= attempts
                        && !deliveries.get(0).get("lastStatus").isNull()
                        && (attempts < 3 || deliveries.get(0).get("state").asString().equals("delivered"))).get(0);
    }

    private static void awaitState(KieHttp kie, String taskId, String state) {
        Await.until(Duration.ofSeconds(60), taskId + " reaches " + state,
                () -> kie.detail(taskId).get("state").asString().equals(state));
    }
}
