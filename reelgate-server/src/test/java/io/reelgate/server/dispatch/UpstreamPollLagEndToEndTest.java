package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.SlowRunway;
import io.reelgate.server.testsupport.TestDataDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A few hundred tasks parked at an upstream whose status reads take 200 ms: every task is still polled on time,
 * with default poller settings. Measured at the upstream: lag = gap between two polls of a task − the answer time
 * − the poll interval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpstreamPollLagEndToEndTest {

    private static final int TASKS = 300;
    private static final Duration STATUS_DELAY = Duration.ofMillis(200);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-poll-lag-");
    private static final SlowRunway RUNWAY = new SlowRunway(STATUS_DELAY);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void slowRunway(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.engine.runway.api-secret", () -> "key_" + "0123456789abcdef".repeat(8));
        registry.add("reelgate.engine.runway.base-url", RUNWAY::baseUrl);
        registry.add("reelgate.engine.runway.poll-interval", POLL_INTERVAL::toString);
        registry.add("reelgate.routing.generate", () -> "runway");
        registry.add("reelgate.rate-limit.submit.capacity", () -> "100000");
    }

    @AfterAll
    static void stopRunway() {
        RUNWAY.close();
    }

    @Test
    void hundredsOfParkedTasksAreEachPolledWithinASecondOfTheirDueTime() throws IOException {
        KieHttp kie = new KieHttp("http://127.0.0.1:" + port, Files.readString(DATA_DIR.resolve("dev-api-key.txt")).trim());
        for (int i = 0; i < TASKS; i++) {
            kie.generate("{\"prompt\":\"parked " + i + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}");
        }

        Await.until(Duration.ofSeconds(120), "every upstream task polled five times",
                () -> RUNWAY.polls().size() == TASKS && RUNWAY.polls().values().stream().allMatch(p -> p.size() >= 5));

        List<Long> lagMillis = new ArrayList<>();
        RUNWAY.polls().values().forEach(times -> {
            List<Instant> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            for (int i = 1; i < sorted.size(); i++) {
                Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
                lagMillis.add(gap.minus(STATUS_DELAY).minus(POLL_INTERVAL).toMillis());
            }
        });
        Collections.sort(lagMillis);
        long p50 = lagMillis.get(lagMillis.size() / 2);
        long p99 = lagMillis.get((int) Math.ceil(lagMillis.size() * 0.99) - 1);
        System.out.printf("poll lag over %d polls of %d parked tasks: p50 %d ms, p99 %d ms, max %d ms%n",
                lagMillis.size(), TASKS, p50, p99, lagMillis.get(lagMillis.size() - 1));
        assertThat(p99).as("p99 poll lag (ms)").isLessThan(1000);
    }
}
