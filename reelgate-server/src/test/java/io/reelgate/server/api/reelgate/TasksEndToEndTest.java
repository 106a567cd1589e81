package io.reelgate.server.api.reelgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.ImageHost;
import io.reelgate.server.testsupport.KieHttp.Answer;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.WithReceiverAndHost;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reelgate extensions over real HTTP: cancel, idempotent submits, deadlines, the task view and the task list. */
class TasksEndToEndTest extends WithReceiverAndHost {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    @Test
    void aQueuedTaskCancelledBeforeItStartsNeverStartsIsRefundedAndCalledBack() throws Exception {
        KieHttp client = freshClient(1000);
        // occupy both workers with downloads that hang, so the next task stays queued
        String slow = host.serveSlowly("/hang.png", ImageHost.png(32, 32), Duration.ofSeconds(30));
        String blockerA = client.generate("{\"prompt\":\"a\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"" + slow + "\"}");
        String blockerB = client.generate("{\"prompt\":\"b\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"" + slow + "\"}");
        awaitState(client, blockerA, "generating");
        awaitState(client, blockerB, "generating");
        String queued = client.generate("{\"prompt\":\"never\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\","
                + "\"callBackUrl\":\"" + receiver.url("/cancelled") + "\"}");
        JsonNode waiting = view(client, queued);
        assertThat(waiting.get("state").asString()).isIn("wait", "queueing");
        assertThat(waiting.get("queuePosition").asInt()).isGreaterThanOrEqualTo(0);

        Answer cancelled = client.postJson("/api/v1/tasks/" + queued + "/cancel", "");
        Answer again = client.postJson("/api/v1/tasks/" + queued + "/cancel", "");

        assertThat(cancelled.code()).isEqualTo(200);
        assertThat(cancelled.data().get("state").asString()).isEqualTo("fail");
        assertThat(cancelled.data().get("failCode").asInt()).isEqualTo(400);
        assertThat(cancelled.data().get("failMsg").asString()).isEqualTo("Task was cancelled");
        assertThat(again.code()).as("cancelling twice is harmless").isEqualTo(200);
        JsonNode detail = client.detail(queued);
        assertThat(detail.get("state").asString()).isEqualTo("fail");
        assertThat(view(client, queued).get("startedAt").isNull()).as("never started").isTrue();
        JsonNode callback = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(receiver.await("/cancelled", 1, TIMEOUT).get(0).body());
        assertThat(callback.get("code").asInt()).isEqualTo(400);
        assertThat(callback.get("msg").asString()).isEqualTo("Task was cancelled");

        client.postJson("/api/v1/tasks/" + blockerA + "/cancel", "");
        client.postJson("/api/v1/tasks/" + blockerB + "/cancel", "");
        assertThat(refunds(client)).isEqualTo(3);
        assertThat(client.get("/api/v1/chat/credit").data().asLong()).isEqualTo(1000);
    }

    @Test
    void cancellingDuringARenderStopsTheEngineAndStoresNothing() throws Exception {
        KieHttp client = freshClient(1000);
        String taskId = client.generate("{\"prompt\":\"long render\",\"duration\":10,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        Await.atMost(Duration.ofSeconds(60), () -> view(client, taskId), v -> v.get("progress").asInt() >= 10);
        assertThat(view(client, taskId).get("state").asString()).isEqualTo("generating");

        Answer cancelled = client.postJson("/api/v1/tasks/" + taskId + "/cancel", "");

        assertThat(cancelled.data().get("state").asString()).isEqualTo("fail");
        // the worker deletes its work directory last, whether it stored a result or stopped
        Await.until(TIMEOUT, "the render of " + taskId + " stopped", () -> {
            try (var work = Files.list(DATA_DIR.resolve("work"))) {
                return work.noneMatch(p -> p.getFileName().toString().startsWith(taskId));
            }
        });
        assertThat(Files.exists(DATA_DIR.resolve("files/results").resolve(taskId))).as("no output stored").isFalse();
        try (var work = Files.list(DATA_DIR.resolve("work"))) {
            assertThat(work.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(taskId));
        }
        assertThat(client.detail(taskId).get("state").asString()).isEqualTo("fail");
        assertThat(refunds(client)).isEqualTo(1);
    }

    @Test
    void aFinishedTaskCannotBeCancelled() {
        String taskId = kie.generate("{\"prompt\":\"done\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        kie.awaitTerminal(taskId, TIMEOUT);

        Answer answer = kie.postJson("/api/v1/tasks/" + taskId + "/cancel", "");

        assertThat(answer.code()).isEqualTo(422);
        assertThat(answer.msg()).isEqualTo("Task " + taskId + " cannot be cancelled: it already ended in success");
        assertThat(kie.postJson("/api/v1/tasks/unknown/cancel", "").code()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndChargesOnce() {
        KieHttp client = freshClient(100);
        String body = "{\"prompt\":\"once\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}";

        Answer first = withKey(client, "/api/v1/runway/generate", body, "order-42");
        Answer replay = withKey(client, "/api/v1/runway/generate", body, "order-42");
        Answer different = withKey(client, "/api/v1/runway/generate", body.replace("once", "twice"), "order-42");

        assertThat(replay.data().get("taskId").asString()).isEqualTo(first.data().get("taskId").asString());
        assertThat(different.code()).isEqualTo(422);
        assertThat(different.msg()).startsWith("Idempotency-Key was already used with a different request");
        assertThat(client.get("/api/v1/chat/credit").data().asLong()).isEqualTo(88);
        assertThat(withKey(client, "/api/v1/runway/generate", body, " ").code()).isEqualTo(422);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyCreateExactlyOneTask() throws Exception {
        KieHttp client = freshClient(1000);
        String body = "{\"prompt\":\"race\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return withKey(client, "/api/v1/runway/generate", body, "same-key");
            }));
        }
        go.countDown();
        Set<String> taskIds = ConcurrentHashMap.newKeySet();
        for (Future<Answer> answer : answers) {
            Answer a = answer.get();
            assertThat(a.code()).as(a.body().toString()).isEqualTo(200);
            taskIds.add(a.data().get("taskId").asString());
        }
        pool.shutdown();

        assertThat(taskIds).hasSize(1);
        assertThat(client.get("/api/v1/chat/credit").data().asLong()).isEqualTo(1000 - 12);
    }

    @Test
    void aPassedDeadlineCancelsAndRefunds() throws Exception {
        KieHttp client = freshClient(100);
        String slow = host.serveSlowly("/deadline.png", ImageHost.png(32, 32), Duration.ofSeconds(20));
        Answer answer = client.send(client.authorized("/api/v1/runway/generate")
                .header("Content-Type", "application/json").header("Reelgate-Deadline", "2s")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"late\",\"duration\":5,\"quality\":\"720p\",\"imageUrl\":\"" + slow + "\"}")).build());
        String taskId = answer.data().get("taskId").asString();
        assertThat(view(client, taskId).get("deadlineAt").isNull()).isFalse();

        JsonNode detail = client.awaitTerminal(taskId, Duration.ofSeconds(30));

        assertThat(detail.get("failMsg").asString()).isEqualTo("Task was cancelled: its deadline passed");
        assertThat(client.get("/api/v1/chat/credit").data().asLong()).isEqualTo(100);
        Answer invalid = client.send(client.authorized("/api/v1/runway/generate").header("Content-Type", "application/json")
                .header("Reelgate-Deadline", "soon").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"p\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}")).build());
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.msg()).startsWith("Reelgate-Deadline must be a duration");
    }

    @Test
    void taskViewAddsWhatKieLacks() {
        String taskId = kie.generate("{\"prompt\":\"view\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        kie.awaitTerminal(taskId, TIMEOUT);

        JsonNode view = view(kie, taskId);

        assertThat(view.get("kind").asString()).isEqualTo("generate");
        assertThat(view.get("engine").asString()).isEqualTo("preview");
        assertThat(view.get("progress").asInt()).isEqualTo(100);
        assertThat(view.get("cost").asLong()).isEqualTo(12);
        assertThat(view.get("queuePosition").isNull()).isTrue();
        for (String time : new String[] {"createdAt", "queuedAt", "startedAt", "finishedAt", "expiresAt"}) {
            assertThat(Instant.parse(view.get(time).asString())).as(time).isNotNull();
        }
        assertThat(Instant.parse(view.get("expiresAt").asString()))
                .isAfter(Instant.parse(view.get("finishedAt").asString()).plus(Duration.ofDays(13)));
        assertThat(view.get("videoUrl").asString()).endsWith(".mp4");
    }

    @Test
    void theTaskListPagesNewestFirstFiltersAndShowsOnlyTheCallersTasks() {
        KieHttp client = freshClient(1000);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(client.generate("{\"prompt\":\"list " + i + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}"));
        }
        client.postJson("/api/v1/tasks/" + submitted.get(1) + "/cancel", "{}");
        for (String id : submitted) {
            client.awaitTerminal(id, TIMEOUT);
        }
        List<String> newestFirst = new ArrayList<>(submitted);
        java.util.Collections.reverse(newestFirst);

        List<String> walked = new ArrayList<>();
        String before = "";
        int pages = 0;
        do {
            JsonNode page = client.get("/api/v1/tasks?limit=2&before=" + before).data();
            page.get("tasks").forEach(task -> walked.add(task.get("taskId").asString()));
            before = page.get("nextBefore").isNull() ? null : page.get("nextBefore").asString();
            pages++;
        } while (before != null && pages < 10);
        assertThat(walked).as("three pages of 2, 2 and 1").containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);

        JsonNode failed = client.get("/api/v1/tasks?state=fail").data().get("tasks");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("taskId").asString()).isEqualTo(submitted.get(1));
        assertThat(failed.get(0).get("failMsg").asString()).isNotBlank();
        JsonNode succeeded = client.get("/api/v1/tasks?state=success&kind=generate").data().get("tasks");
        assertThat(succeeded).hasSize(4);
        assertThat(succeeded.get(0).get("videoUrl").asString()).endsWith(".mp4");
        assertThat(client.get("/api/v1/tasks?kind=aleph").data().get("tasks")).isEmpty();

        KieHttp other = freshClient(10);
        assertThat(other.get("/api/v1/tasks").data().get("tasks")).as("another key sees none of them").isEmpty();
        Answer foreignCursor = other.get("/api/v1/tasks?before=" + submitted.get(0));
        assertThat(foreignCursor.code()).isEqualTo(422);
        assertThat(foreignCursor.msg()).contains("before");
        for (String bad : new String[] {"limit=0", "limit=101", "limit=0x10", "state=done", "kind=video"}) {
            Answer answer = client.get("/api/v1/tasks?" + bad);
            assertThat(answer.code()).as(bad).isEqualTo(422);
            assertThat(answer.msg()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    private KieHttp freshClient(long credits) {
        return new KieHttp(baseUrl(), new AdminHttp(baseUrl(), DATA_DIR).createKey("tasks", credits).secret());
    }

    private static Answer withKey(KieHttp client, String path, String body, String key) {
        return client.send(client.authorized(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode view(KieHttp client, String taskId) {
        Answer answer = client.get("/api/v1/tasks/" + taskId);
        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
        return answer.data();
    }

    private static int refunds(KieHttp client) {
        int refunds = 0;
        for (JsonNode entry : client.get("/api/v1/account/ledger").data()) {
            refunds += entry.get("reason").asString().equals("refund") ? 1 : 0;
        }
        return refunds;
    }

    private static void awaitState(KieHttp client, String taskId, String state) {
        Await.until(Duration.ofSeconds(60), taskId + " never reached " + state,
                () -> client.detail(taskId).get("state").asString().equals(state));
    }
}
