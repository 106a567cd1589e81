package io.reelgate.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.infra.DbTime;
import io.reelgate.server.testsupport.MovableClock;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one Idempotency-Key store of submits and uploads, and the migration that merged their tables, on H2 and PostgreSQL. */
class IdempotencyStoreDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final String HASH = "a".repeat(64);
    private static final String OTHER_HASH = "b".repeat(64);

    private final MovableClock clock = new MovableClock(T0);
    private JdbcClient jdbc;
    private IdempotencyStore store;
    private String apiKey;

    private void setUp(DataSource dataSource) {
        jdbc = JdbcClient.create(dataSource);
        store = new IdempotencyStore(jdbc, clock, WINDOW);
        apiKey = new ApiKeyRepository(jdbc).create("k1", "rg_k1", T0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theSameKeyInTwoScopesIsTwoRecords(TestDatabases.Kind kind) {
        setUp(TestDatabases.migrated(kind));

        store.insert(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", HASH, "task-1");
        assertThat(store.remember(IdempotencyScope.UPLOAD, apiKey, "key-1", OTHER_HASH, "{\"a\":1}")).isEqualTo("{\"a\":1}");

        assertThat(store.replay(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", HASH)).contains("task-1");
        assertThat(store.replay(IdempotencyScope.UPLOAD, apiKey, "key-1", OTHER_HASH)).contains("{\"a\":1}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anotherRequestUnderAKeyIsAConflictAndAConcurrentInsertLosesToThePrimaryKey(TestDatabases.Kind kind) {
        setUp(TestDatabases.migrated(kind));
        store.insert(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", HASH, "task-1");

        assertThatThrownBy(() -> store.replay(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", OTHER_HASH))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> store.insert(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", HASH, "task-2"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.remember(IdempotencyScope.TASK_SUBMIT, apiKey, "key-1", HASH, "task-3"))
                .as("the loser answers with the winner's outcome").isEqualTo("task-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRecordPastItsWindowIsForgottenReusableAndSwept(TestDatabases.Kind kind) {
        setUp(TestDatabases.migrated(kind));
        store.insert(IdempotencyScope.UPLOAD, apiKey, "old", HASH, "{}");
        store.insert(IdempotencyScope.UPLOAD, apiKey, "reused", HASH, "{}");
        clock.advance(WINDOW.minusSeconds(1));
        store.insert(IdempotencyScope.TASK_SUBMIT, apiKey, "young", HASH, "task-1");
        assertThat(store.deleteExpired()).as("nothing is a window old yet").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.replay(IdempotencyScope.UPLOAD, apiKey, "old", HASH)).isEmpty();
        store.insert(IdempotencyScope.UPLOAD, apiKey, "reused", OTHER_HASH, "{\"b\":2}");

        assertThat(store.deleteExpired()).isEqualTo(1);
        assertThat(store.replay(IdempotencyScope.UPLOAD, apiKey, "reused", OTHER_HASH)).contains("{\"b\":2}");
        assertThat(store.replay(IdempotencyScope.TASK_SUBMIT, apiKey, "young", HASH)).contains("task-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theMigrationCopiesTheRecordsOfBothOldTables(TestDatabases.Kind kind) {
        DataSource dataSource = TestDatabases.empty(kind);
        migrate(dataSource, "12");
        setUp(dataSource);
        Instant expires = T0.plus(WINDOW);
        jdbc.sql("""
                INSERT INTO idempotency_key (api_key_id, idem_key, request_hash, task_id, created_at, expires_at)
                VALUES (:k, 'submit-key', :hash, 'task-1', :t0, :expires)""")
                .param("k", apiKey).param("hash", HASH).param("t0", DbTime.of(T0)).param("expires", DbTime.of(expires))
                .update();
        jdbc.sql("""
                INSERT INTO upload_idempotency (api_key_id, idem_key, request_hash, response_json, expires_at)
                VALUES (:k, 'submit-key', :hash, '{"fileName":"a.png"}', :expires)""")
                .param("k", apiKey).param("hash", OTHER_HASH).param("expires", DbTime.of(expires))
                .update();
        jdbc.sql("INSERT INTO cluster_job (name, last_run_at, last_run_by, runs) VALUES ('task-idempotency-expiry', :t0, 'n', 1)")
                .param("t0", DbTime.of(T0)).update();

        migrate(dataSource, "latest");

        assertThat(store.replay(IdempotencyScope.TASK_SUBMIT, apiKey, "submit-key", HASH)).contains("task-1");
        assertThat(store.replay(IdempotencyScope.UPLOAD, apiKey, "submit-key", OTHER_HASH))
                .contains("{\"fileName\":\"a.png\"}");
        clock.advance(WINDOW);
        assertThat(store.deleteExpired()).as("the copies keep their expiry").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_job").query(Integer.class).single()).isZero();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }
}
