package io.reelgate.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.client.ReelgateClient;
import io.reelgate.client.RetryPolicy;
import io.reelgate.client.errors.RateLimitedException;
import io.reelgate.client.errors.TaskTimeoutException;
import io.reelgate.client.model.GenerateRequest;
import io.reelgate.client.model.TaskDetail;
import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SDK against a real server with tiny rate budgets: 429 handling and the waitForCompletion timeout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SdkLimitsEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-sdk-limits-");
    private static final GenerateRequest CHEAP = GenerateRequest.builder("limits").aspectRatio("1:1").build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void smallBudgets(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.rate-limit.submit.capacity", () -> "1");
        registry.add("reelgate.rate-limit.submit.period", () -> "2s");
        registry.add("reelgate.rate-limit.status.capacity", () -> "2");
        registry.add("reelgate.rate-limit.status.period", () -> "2s");
    }

    @Test
    void aRetryingClientWaitsOutThe429AndAStrictOneSeesRateLimitedException() throws Exception {
        ReelgateClient retrying = client(RetryPolicy.defaults());
        ReelgateClient strict = client(RetryPolicy.none());
        retrying.generate(CHEAP);

        assertThatThrownBy(() -> strict.generate(CHEAP))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isPresent());
        Instant before = Instant.now();
        String second = retrying.generate(CHEAP);
        assertThat(second).isNotBlank();
        assertThat(Duration.between(before, Instant.now())).as("waited for Retry-After").isGreaterThan(Duration.ofMillis(500));
    }

    @Test
    void waitForCompletionPollsThroughTheStatusBudgetAndTimesOutWhenAsked() throws Exception {
        // budgets are per key: a key of its own starts full, whatever the other test spent, without waiting for a refill
        ReelgateClient client = client(RetryPolicy.defaults(), freshKey("poll-through"));
        String task = client.generate(CHEAP);

        TaskDetail done = client.waitForCompletion(task, Duration.ofSeconds(90));
        assertThat(done.isSuccess()).isTrue();

        // again a full status budget, so the 300 ms wait ends in a timeout and not in a 429
        ReelgateClient fresh = client(RetryPolicy.defaults(), freshKey("time-out"));
        String slow = fresh.generate(GenerateRequest.builder("slow").aspectRatio("16:9").duration(10).build());
        assertThatThrownBy(() -> fresh.waitForCompletion(slow, Duration.ofMillis(300)))
                .isInstanceOf(TaskTimeoutException.class);
    }

    private ReelgateClient client(RetryPolicy retry) throws Exception {
        return client(retry, Files.readString(DATA_DIR.resolve("dev-api-key.txt")).trim());
    }

    private ReelgateClient client(RetryPolicy retry, String apiKey) {
        return ReelgateClient.builder().baseUrl("http://127.0.0.1:" + port).apiKey(apiKey).retryPolicy(retry).build();
    }

    private String freshKey(String name) {
        return new AdminHttp("http://127.0.0.1:" + port, DATA_DIR).createKey(name, 1000).secret();
    }
}
