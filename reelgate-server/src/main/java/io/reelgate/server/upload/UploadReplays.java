package io.reelgate.server.upload;

import io.reelgate.server.infra.ClusterJobs;
import io.reelgate.server.infra.DbTime;
import io.reelgate.server.task.IdempotencyConflictException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Idempotency-Key records of uploads: the first answer is kept (durably, for the idempotency window) and replayed
 * to a retry with the same request; another request under the same key is refused.
 */
@Repository
public class UploadReplays {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;
    private final ClusterJobs clusterJobs;
    private final Duration sweepInterval;

    UploadReplays(JdbcClient jdbc, Clock clock, @Value("${reelgate.idempotency.window:24h}") Duration window,
                  ClusterJobs clusterJobs, @Value("${reelgate.retention.sweep-interval:10m}") Duration sweepInterval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.clusterJobs = clusterJobs;
        this.sweepInterval = sweepInterval;
    }

    /** The stored answer for this key, if the same request made it; a different request is a conflict. */
    public Optional<String> replay(String apiKeyId, String key, String requestHash) {
        return jdbc.sql("""
                SELECT request_hash, response_json FROM upload_idempotency
                WHERE api_key_id = :apiKeyId AND idem_key = :key AND expires_at > :now
                """)
                .param("apiKeyId", apiKeyId)
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
     * Keeps the answer; when a concurrent request with the same key stored its answer first, returns that one so
     * both callers answer alike.
     */
    public String remember(String apiKeyId, String key, String requestHash, String responseJson) {
        try {
            jdbc.sql("DELETE FROM upload_idempotency WHERE api_key_id = :apiKeyId AND idem_key = :key AND expires_at <= :now")
                    .param("apiKeyId", apiKeyId).param("key", key).param("now", DbTime.of(clock.instant())).update();
            jdbc.sql("""
                    INSERT INTO upload_idempotency (api_key_id, idem_key, request_hash, response_json, expires_at)
                    VALUES (:apiKeyId, :key, :hash, :json, :expiresAt)
                    """)
                    .param("apiKeyId", apiKeyId)
                    .param("key", key)
                    .param("hash", requestHash)
                    .param("json", responseJson)
                    .param("expiresAt", DbTime.of(clock.instant().plus(window)))
                    .update();
            return responseJson;
        } catch (DuplicateKeyException e) {
            return replay(apiKeyId, key, requestHash).orElse(responseJson);
        }
    }

    @Scheduled(fixedDelayString = "${reelgate.retention.sweep-interval:10m}", initialDelayString = "PT1M")
    void scheduledExpiry() {
        clusterJobs.runIfDue("upload-idempotency-expiry", sweepInterval, () -> jdbc
                .sql("DELETE FROM upload_idempotency WHERE expires_at <= :now")
                .param("now", DbTime.of(clock.instant()))
                .update());
    }
}
