package io.reelgate.server.task;

import io.reelgate.server.testsupport.TaskTables;
import io.reelgate.server.testsupport.TestTaskInputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migration V12 on the H2 file database and embedded PostgreSQL: a task keeps its traceparent, old rows have none. */
class TaskTraceColumnDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTaskKeepsTheTraceparentItWasSubmittedWith(TestDatabases.Kind kind) {
        TaskTables tables = TaskTables.on(kind, T0);
        TaskRepository tasks = tables.tasks();
        String keyId = tables.keyId();
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
