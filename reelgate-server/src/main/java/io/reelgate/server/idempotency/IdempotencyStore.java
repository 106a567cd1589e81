package io.reelgate.server.idempotency;

import io.reelgate.server.infra.DbTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Durable Idempotency-Key records of every scope, so a replay survives restarts and is shared by every node: per
 * (API key, scope, key) the first request's hash and what it produced, kept for {@code reelgate.idempotency.window}.
 * The primary key decides between concurrent requests with the same key.
 */
@Repository
public class IdempotencyStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;

    public IdempotencyStore(JdbcClient jdbc, Clock clock, @Value("${reelgate.idempotency.window:24h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /**
     * What the first request under this key produced, if the same request made it.
     *
     * @throws IdempotencyConflictException when the key was used with a different request
     */
    public Optional<String> replay(IdempotencyScope scope, String apiKeyId, String key, String requestHash) {
        return jdbc.sql("""
                SELECT request_hash, outcome FROM idempotency_record
                WHERE api_key_id = :apiKeyId AND scope = :scope AND idem_key = :key AND expires_at > :now
                """)
                .param("apiKeyId", apiKeyId)
                .param("scope", scope.column())
                .param("key", key)
                .param("now", DbTime.of(clock.instant()))
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw new IdempotencyConflictException();
                    }
                    return rs.getString(2);
                })
                .optional();
    }

    /**
     * Records what the first request produced.
     *
     * @throws DuplicateKeyException when a concurrent request with the same key got there first
     */
    public void insert(IdempotencyScope scope, String apiKeyId, String key, String requestHash, String outcome) {
        Instant now = clock.instant();
        // an expired record of the key is still in the way of the primary key until the sweep removes it
        jdbc.sql("""
                DELETE FROM idempotency_record
                WHERE api_key_id = :apiKeyId AND scope = :scope AND idem_key = :key AND expires_at <= :now
                """)
                .param("apiKeyId", apiKeyId)
                .param("scope", scope.column())
                .param("key", key)
                .param("now", DbTime.of(now))
                .update();
        jdbc.sql("""
                INSERT INTO idempotency_record (api_key_id, scope, idem_key, request_hash, outcome, expires_at)
                VALUES (:apiKeyId, :scope, :key, :hash, :outcome, :expiresAt)
                """)
                .param("apiKeyId", apiKeyId)
                .param("scope", scope.column())
                .param("key", key)
                .param("hash", requestHash)
                .param("outcome", outcome)
                .param("expiresAt", DbTime.of(now.plus(window)))
                .update();
    }

    /**
     * Keeps the outcome outside any transaction; when a concurrent request with the same key stored its outcome
     * first, returns that one so both callers answer alike.
     */
    public String remember(IdempotencyScope scope, String apiKeyId, String key, String requestHash, String outcome) {
        try {
            insert(scope, apiKeyId, key, requestHash, outcome);
            return outcome;
        } catch (DuplicateKeyException e) {
            return replay(scope, apiKeyId, key, requestHash).orElse(outcome);
        }
    }

    /** Deletes the records past their window; lookups already ignore them. */
    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_record WHERE expires_at <= :now")
                .param("now", DbTime.of(clock.instant()))
                .update();
    }
}
