package io.reelgate.server.testsupport;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskTransitions;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A freshly migrated test database with the task table's repository, {@link BareTransitions} and one API key: what
 * every database test of the task table starts from.
 *
 * @param keyId an API key created at the given instant, for the tasks a test inserts
 */
public record TaskTables(DataSource dataSource, JdbcClient jdbc, DatabaseKind database, TaskRepository tasks,
                         TaskTransitions transitions, String keyId) {

    public static TaskTables on(TestDatabases.Kind kind, Instant keyCreatedAt) {
        return on(kind, keyCreatedAt, event -> { });
    }

    /** @param events where the transitions' events go */
    public static TaskTables on(TestDatabases.Kind kind, Instant keyCreatedAt, ApplicationEventPublisher events) {
        DataSource dataSource = TestDatabases.migrated(kind);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DatabaseKind database = DatabaseKind.of(kind == TestDatabases.Kind.POSTGRES);
        TaskRepository tasks = new TaskRepository(jdbc);
        return new TaskTables(dataSource, jdbc, database, tasks, BareTransitions.on(jdbc, dataSource, tasks, events, database),
                new ApiKeyRepository(jdbc).create("test", "rg_" + UUID.randomUUID(), keyCreatedAt));
    }
}
