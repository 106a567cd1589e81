package io.reelgate.server.task;

import io.reelgate.server.testsupport.TaskTables;
import io.reelgate.server.testsupport.TestTaskInputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.infra.DbTime;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration V13 on the H2 file database and embedded PostgreSQL: a task keeps the dialect it was submitted with, and
 * a row written without one (as every row before V13) belongs to the KIE Runway dialect that accepted it.
 */
class TaskDialectColumnDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTaskKeepsItsDialectAndOlderRowsAreKieRunway(TestDatabases.Kind kind) {
        TaskTables tables = TaskTables.on(kind, T0);
        TaskRepository tasks = tables.tasks();
        String keyId = tables.keyId();
        String submitted = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();

        tasks.insert(new NewTask(submitted, keyId, TaskKind.GENERATE, null, "preview", TestTaskInputs.textToVideo("p").build(), 12, T0, null, null, "openai", java.util.List.of()));
        tables.jdbc().sql("""
                INSERT INTO task (id, api_key_id, kind, engine, state, prompt, cost, created_at)
                VALUES (:id, :apiKeyId, 'GENERATE', 'preview', 'wait', 'p', 12, :createdAt)
                """).param("id", older).param("apiKeyId", keyId).param("createdAt", DbTime.of(T0)).update();

        assertThat(tasks.findById(submitted).orElseThrow().dialect()).isEqualTo("openai");
        assertThat(tasks.findById(older).orElseThrow().dialect()).isEqualTo("kie-runway");
    }
}
