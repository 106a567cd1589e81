package io.reelgate.server.task;

import io.reelgate.server.infra.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Durable Idempotency-Key records, so a replay survives restarts and is shared by every node. */
@Repository
public class IdempotencyKeys {

    record Entry(String requestHash, String taskId) {
    }

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String apiKeyId, String key, Instant now) {
        return jdbc.sql("""
                SELECT request_hash, task_id FROM idempotency_key
                WHERE api_key_id = :apiKeyId AND idem_key = :key AND expires_at > :now
                """)
                .param("apiKeyId", apiKeyId)
                .param("key", key)
                .param("now", DbTime.of(now))
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Fails with a duplicate-key error when a concurrent request with the same key got there first. */
    void insert(String apiKeyId, String key, String requestHash, String taskId, Instant now, Instant expiresAt) {
        jdbc.sql("DELETE FROM idempotency_key WHERE api_key_id = :apiKeyId AND idem_key = :key AND expires_at <= :now")
                .param("apiKeyId", apiKeyId)
                .param("key", key)
                .param("now", DbTime.of(now))
                .update();
        jdbc.sql("""
                INSERT INTO idempotency_key (api_key_id, idem_key, request_hash, task_id, created_at, expires_at)
                VALUES (:apiKeyId, :key, :hash, :taskId, :now, :expiresAt)
                """)
                .param("apiKeyId", apiKeyId)
                .param("key", key)
                .param("hash", requestHash)
                .param("taskId", taskId)
                .param("now", DbTime.of(now))
                .param("expiresAt", DbTime.of(expiresAt))
                .update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at <= :now").param("now", DbTime.of(now)).update();
    }
}
