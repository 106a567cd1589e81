package io.reelgate.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.Await;
import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.TestDataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** reelgate.engine.preview.max-concurrent=1 with two workers: never more than one task generates at a time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineLimitEndToEndTest {

    private static final Path DATA_DIR = TestDataDirs.fresh("reelgate-limit-");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void oneAtATime(DynamicPropertyRegistry registry) {
        registry.add("reelgate.data-dir", DATA_DIR::toString);
        registry.add("reelgate.dispatch.workers", () -> "2");
        registry.add("reelgate.engine.preview.max-concurrent", () -> "1");
    }

    @Test
    void queuedTasksWaitInQueueingWhileTheEngineIsAtItsLimit() throws Exception {
        KieHttp kie = new KieHttp("http://127.0.0.1:" + port, Files.readString(DATA_DIR.resolve("dev-api-key.txt")).trim());
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(kie.generate("{\"prompt\":\"limit " + i + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"16:9\"}"));
        }
        AtomicInteger most = new AtomicInteger();
        AtomicBoolean sawQueuedWhileBusy = new AtomicBoolean();
        // samples every 20 ms until all three succeeded: the maximum seen is the claim, not only the end state
        Await.atMost(Duration.ofSeconds(120), Duration.ofMillis(20), () -> {
            int generating = count("generating");
            most.accumulateAndGet(generating, Math::max);
            if (generating == 1 && count("queueing") > 0) {
                sawQueuedWhileBusy.set(true);
            }
            return count("success");
        }, succeeded -> succeeded == 3);

        assertThat(count("success")).isEqualTo(3);
        assertThat(most.get()).as("tasks generating at once").isEqualTo(1);
        assertThat(sawQueuedWhileBusy.get()).as("a task waited in queueing while another generated").isTrue();
        for (String task : tasks) {
            assertThat(kie.detail(task).get("state").asString()).isEqualTo("success");
        }
    }

    private int count(String state) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE state = :state").param("state", state).query(Integer.class).single();
    }
}
