package io.reelgate.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.KieHttp;
import io.reelgate.server.testsupport.ServerProcess;
import io.reelgate.server.testsupport.TaskEventStream;
import io.reelgate.server.testsupport.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What several nodes must share beyond the task table: one rate-limit budget per key (Bucket4j in PostgreSQL) and one
 * live task stream (LISTEN/NOTIFY). Node B has no workers, so everything its stream shows was done on node A.
 */
class ClusterSharedStateTest {

    @TempDir
    Path dir;

    @Test
    void twoNodesShareTheSubmitBudgetAndTheLiveStream() throws Exception {
        String jdbcUrl = TestDatabases.freshPostgresUrl();
        try (ServerProcess a = ServerProcess.start(Files.createDirectories(dir.resolve("a")), dir.resolve("a.log"),
                args(jdbcUrl, "node-a", 2));
             ServerProcess b = ServerProcess.start(Files.createDirectories(dir.resolve("b")), dir.resolve("b.log"),
                     args(jdbcUrl, "node-b", 0))) {
            String devKey = Files.readString(dir.resolve("a/dev-api-key.txt")).trim();
            KieHttp viaA = new KieHttp(a.baseUrl(), devKey);
            KieHttp viaB = new KieHttp(b.baseUrl(), devKey);

            try (TaskEventStream stream = new TaskEventStream(b.baseUrl(), devKey, "", null)) {
                List<String> accepted = new ArrayList<>();
                int limited = 0;
                for (int i = 0; i < 6; i++) {
                    KieHttp node = i % 2 == 0 ? viaA : viaB;
                    KieHttp.Answer answer = node.postJson("/api/v1/runway/generate", "{\"prompt\":\"shared " + i
                            + "\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
                    if (answer.code() == 200) {
                        accepted.add(answer.data().get("taskId").asString());
                    } else {
                        assertThat(answer.code()).as(answer.body().toString()).isEqualTo(429);
                        assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
                        limited++;
                    }
                }
                // four per hour for the key, whichever node is asked: per-node buckets would have let all six in
                assertThat(accepted).hasSize(4);
                assertThat(limited).isEqualTo(2);

                var succeeded = stream.successes(new HashSet<>(accepted), Duration.ofSeconds(120));
                assertThat(succeeded).as("node B's stream saw node A finish every task").containsExactlyInAnyOrderElementsOf(accepted);
            }
            assertThat(Files.readString(dir.resolve("b.log"))).doesNotContain("queueing -> generating");
        }
    }

    private static String[] args(String jdbcUrl, String nodeId, int workers) {
        return new String[] {"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--reelgate.dispatch.workers=" + workers,
                "--reelgate.dispatch.node-id=" + nodeId, "--reelgate.admin.token=cluster-admin",
                "--reelgate.rate-limit.scope=cluster", "--reelgate.rate-limit.submit.capacity=4",
                "--reelgate.rate-limit.submit.period=1h"};
    }
}
