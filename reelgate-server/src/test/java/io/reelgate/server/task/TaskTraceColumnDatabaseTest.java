package io.reelgate.server.task;

import io.reelgate.server.testsupport.TestTaskInputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration V12 on the H2 file database and embedded PostgreSQL: a task keeps its traceparent, old rows have none. */
class TaskTraceColumnDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTaskKeepsTheTraceparentItWasSubmittedWith(TestDatabases.Kind kind) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        TaskRepository tasks = new TaskRepository(jdbc);
        String keyId = new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), T0);
        String traced = UUID.randomUUID().toString();
        String untraced = UUID.randomUUID().toString();

        tasks.insert(new NewTask(traced, keyId, TaskKind.GENERATE, null, "preview", input(), 12, T0, null, TRACEPARENT,
                "test", java.util.List.of()));
        tasks.insert(new NewTask(untraced, keyId, TaskKind.GENERATE, null, "preview", input(), 12, T0, null, null, "test", java.util.List.of()));

        Task task = tasks.findById(traced).orElseThrow();
        assertThat(task.traceParent()).isEqualTo(TRACEPARENT);
        assertThat(task.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(tasks.findById(untraced).orElseThrow().traceId()).isNull();
    }

    private static TaskInput input() {
        return TestTaskInputs.textToVideo("p").build();
    }
}
