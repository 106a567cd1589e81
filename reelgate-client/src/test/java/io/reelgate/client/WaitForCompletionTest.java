package io.reelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.errors.TaskFailedException;
import io.reelgate.client.errors.TaskTimeoutException;
import io.reelgate.client.model.AlephDetail;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.client.model.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitForCompletionTest extends FakeServerTest {


    static String detail(String state, String failCode, String failMsg, String videoInfo) {
        return "{\"taskId\":\"t\",\"parentTaskId\":\"\",\"generateParam\":{\"prompt\":\"p\",\"imageUrl\":\"\","
                + "\"expandPrompt\":false},\"state\":\"" + state + "\",\"generateTime\":\"2030-01-01 00:00:00\","
                + "\"videoInfo\":" + videoInfo + ",\"failCode\":" + failCode + ",\"failMsg\":\"" + failMsg
                + "\",\"expireFlag\":0}";
    }

    static String running(String state) {
        return detail(state, "\"\"", "", "null");
    }

    @Test
    void reportsEveryStateChangeOnceAndReturnsTheSuccess() {
        server.ok(running("wait")).ok(running("queueing")).ok(running("queueing")).ok(running("generating"))
                .ok(detail("success", "\"\"", "",
                        "{\"videoId\":\"v\",\"taskId\":\"t\",\"videoUrl\":\"http://x/v.mp4\",\"imageUrl\":\"http://x/c.jpg\"}"));
        List<String> changes = new ArrayList<>();

        TaskDetail done = client.waitForCompletion("t", Duration.ofMinutes(5),
                (previous, d) -> changes.add(previous + "->" + d.state()));

        assertThat(changes).containsExactly("null->WAIT", "WAIT->QUEUEING", "QUEUEING->GENERATING",
                "GENERATING->SUCCESS");
        assertThat(done.videoUrl()).isEqualTo("http://x/v.mp4");
        assertThat(done.failCode()).isNull();
        assertThat(done.failMsg()).isEmpty();
        // backoff from 1 s growing by 1.5x
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500),
                Duration.ofMillis(2250), Duration.ofMillis(3375));
        assertThat(server.requests).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/runway/record-detail?taskId=t"));
    }

    @Test
    void aFailedTaskThrowsWithItsFailCodeAndMessage() {
        server.ok(running("generating")).ok(detail("fail", "400", "Failed to fetch the image", "null"));

        assertThatThrownBy(() -> client.waitForCompletion("t", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isEqualTo("Failed to fetch the image");
                    assertThat(e.taskId()).isEqualTo("t");
                    assertThat(e.taskDetail().state()).isEqualTo(TaskState.FAIL);
                });
    }

    @Test
    void timesOutAtTheDeadlineWithTheLastDetail() {
        for (int i = 0; i < 20; i++) {
            server.ok(running("generating"));
        }

        assertThatThrownBy(() -> client.waitForCompletion("t", Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(TaskTimeoutException.class, e -> {
                    assertThat(e.taskId()).isEqualTo("t");
                    assertThat(((TaskDetail) e.lastDetail()).state()).isEqualTo(TaskState.GENERATING);
                });
        // 1 + 1.5 + 2.25 = 4.75 s, then the last 0.25 s to reach the deadline exactly
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(5));
        assertThat(server.requests).hasSize(5);
    }

    @Test
    void aRateLimitedPollWaitsForRetryAfter() {
        ReelgateClient noRetries = TestClients.builder(server, sleeper).retryPolicy(RetryPolicy.none()).build();
        server.answer(429, "{\"code\":429,\"msg\":\"slow\",\"data\":null}", Map.of("Retry-After", "4"))
                .ok(detail("success", "\"\"", "", "{\"videoId\":\"v\",\"taskId\":\"t\",\"videoUrl\":\"u\",\"imageUrl\":\"i\"}"));

        assertThat(noRetries.waitForCompletion("t", Duration.ofMinutes(1)).isSuccess()).isTrue();
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void alephWaitsOnSuccessFlagAndFailsOnErrorMessage() {
        String running = "{\"taskId\":\"a\",\"paramJson\":\"{}\",\"response\":null,\"completeTime\":null,"
                + "\"createTime\":\"2030-01-01T00:00:00Z\",\"successFlag\":0,\"errorCode\":0,\"errorMessage\":\"\"}";
        String failed = running.replace("\"errorCode\":0,\"errorMessage\":\"\"",
                "\"errorCode\":400,\"errorMessage\":\"Failed to fetch the video\"");
        server.ok(running).ok(failed).ok(running).ok(running.replace("\"response\":null",
                "\"response\":{\"taskId\":\"a\",\"resultVideoUrl\":\"http://x/r.mp4\",\"resultImageUrl\":\"http://x/r.jpg\"}")
                .replace("\"successFlag\":0", "\"successFlag\":1"));

        assertThatThrownBy(() -> client.waitForAleph("a", Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.failCode()).isEqualTo(400);
                    assertThat(e.failMsg()).isEqualTo("Failed to fetch the video");
                    assertThat(e.alephDetail()).isNotNull();
                });
        AlephDetail done = client.waitForAleph("a", Duration.ofMinutes(1));
        assertThat(done.resultVideoUrl()).isEqualTo("http://x/r.mp4");
    }
}
