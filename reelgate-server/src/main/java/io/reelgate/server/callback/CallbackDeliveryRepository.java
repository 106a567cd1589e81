package io.reelgate.server.callback;

import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.infra.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox. Every change that another node could race is a guarded UPDATE returning whether it won. */
@Repository
class CallbackDeliveryRepository {

    private final JdbcClient jdbc;
    private final DatabaseKind database;
    private final TransactionTemplate transaction;

    CallbackDeliveryRepository(JdbcClient jdbc, DatabaseKind database, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.database = database;
        this.transaction = transaction;
    }

    void insert(String taskId, String apiKeyId, String url, String payload, Instant now) {
        jdbc.sql("""
                INSERT INTO callback_delivery (id, task_id, api_key_id, url, receiver, payload, state, attempts,
                                               next_attempt_at, created_at)
                VALUES (:id, :taskId, :apiKeyId, :url, :receiver, :payload, 'pending', 0, :now, :now)
                """)
                .param("id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                .param("taskId", taskId)
                .param("apiKeyId", apiKeyId)
                .param("url", url)
                .param("receiver", ReceiverKey.of(url))
                .param("payload", payload)
                .param("now", DbTime.of(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries with one UPDATE, oldest first, skipping receivers in {@code busy}:
     * counts the attempt and pushes {@code next_attempt_at} to {@code leaseUntil}, past the attempt's own timeout, so a
     * node that dies mid-send only delays the retry. Returns the claimed rows as they are now ({@code attempts}
     * includes the claimed one). On PostgreSQL the one statement picks with {@code FOR UPDATE SKIP LOCKED}, so nodes
     * never wait on each other's picks; on H2 (one node) a read picks, and the UPDATE claims only those still due.
     */
    List<CallbackDelivery> claimDue(Instant now, Instant leaseUntil, int limit, Set<String> busy) {
        String skipBusy = busy.isEmpty() ? "" : "AND (receiver IS NULL OR receiver NOT IN (:busy))";
        String claim = "UPDATE callback_delivery SET attempts = attempts + 1, next_attempt_at = :leaseUntil";
        String due = "state = 'pending' AND next_attempt_at <= :now " + skipBusy;
        String oldestDue = "SELECT id FROM callback_delivery WHERE " + due + " ORDER BY next_attempt_at LIMIT :limit";
        if (database.isPostgres()) {
            // a materialised pick: "id IN (SELECT … LIMIT … SKIP LOCKED)" may be re-run by the planner and claim more
            String pick = oldestDue.replace("SELECT id ", "SELECT id AS picked ");
            return bind(jdbc.sql("WITH picked AS MATERIALIZED (" + pick + " FOR UPDATE SKIP LOCKED) " + claim
                    + " FROM picked WHERE callback_delivery.id = picked.picked RETURNING callback_delivery.*"), now,
                    busy).param("leaseUntil", DbTime.of(leaseUntil)).param("limit", limit)
                    .query(CallbackDeliveryRepository::map).list();
        }
        // H2 runs "id IN (subquery)" in an UPDATE as a table scan (about 1 s a claim at 20,000 rows), and its
        // UPDATE ... LIMIT does not re-check rows a concurrent claim changed: so the candidates are read first, and
        // the claim names them and re-checks that each is still due
        List<String> candidates = bind(jdbc.sql(oldestDue), now, busy).param("limit", limit).query(String.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return bind(jdbc.sql("SELECT * FROM FINAL TABLE (" + claim + " WHERE id IN (:ids) AND " + due + ")"), now, busy)
                .param("leaseUntil", DbTime.of(leaseUntil)).param("ids", candidates)
                .query(CallbackDeliveryRepository::map).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Instant now, Set<String> busy) {
        statement = statement.param("now", DbTime.of(now));
        return busy.isEmpty() ? statement : statement.param("busy", List.copyOf(busy));
    }

    /**
     * Gives a claimed attempt back unsent (its receiver had no slot for it in time): the attempt is uncounted and due
     * at {@code nextAttemptAt}. Loses when the claim ran out and another claim counted the attempt again.
     */
    boolean release(CallbackDelivery claimed, Instant nextAttemptAt) {
        return jdbc.sql("""
                UPDATE callback_delivery SET attempts = attempts - 1, next_attempt_at = :next
                WHERE id = :id AND state = 'pending' AND attempts = :attempts
                """)
                .param("id", claimed.id())
                .param("attempts", claimed.attempts())
                .param("next", DbTime.of(nextAttemptAt))
                .update() == 1;
    }

    /*
     * An attempt's row and the delivery's new state are written in one transaction: one commit per attempt instead of
     * two, which is what bounds delivery throughput on H2 (it serialises commits).
     */

    void recordDelivered(CallbackAttempt attempt, Instant now) {
        transaction.executeWithoutResult(status -> {
            recordAttempt(attempt);
            markDelivered(attempt.deliveryId(), attempt.httpStatus(), now);
        });
    }

    void recordRetry(CallbackAttempt attempt, Instant nextAttemptAt) {
        transaction.executeWithoutResult(status -> {
            recordAttempt(attempt);
            reschedule(attempt.deliveryId(), attempt.httpStatus(), attempt.error(), nextAttemptAt);
        });
    }

    void recordDead(CallbackAttempt attempt) {
        transaction.executeWithoutResult(status -> {
            recordAttempt(attempt);
            markDead(attempt.deliveryId(), attempt.httpStatus(), attempt.error());
        });
    }

    private void recordAttempt(CallbackAttempt attempt) {
        jdbc.sql("""
                INSERT INTO callback_attempt (id, delivery_id, attempt, started_at, duration_ms, http_status, error)
                VALUES (:id, :deliveryId, :attempt, :startedAt, :durationMs, :httpStatus, :error)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("deliveryId", attempt.deliveryId())
                .param("attempt", attempt.attempt())
                .param("startedAt", DbTime.of(attempt.startedAt()))
                .param("durationMs", attempt.durationMs())
                .param("httpStatus", attempt.httpStatus())
                .param("error", attempt.error())
                .update();
    }

    private void markDelivered(String id, int status, Instant now) {
        jdbc.sql("""
                UPDATE callback_delivery SET state = 'delivered', delivered_at = :now, last_status = :status,
                                             last_error = NULL
                WHERE id = :id AND state = 'pending'
                """)
                .param("id", id)
                .param("status", status)
                .param("now", DbTime.of(now))
                .update();
    }

    private void reschedule(String id, Integer status, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                UPDATE callback_delivery SET next_attempt_at = :next, last_status = :status, last_error = :error
                WHERE id = :id AND state = 'pending'
                """)
                .param("id", id)
                .param("status", status)
                .param("error", error)
                .param("next", DbTime.of(nextAttemptAt))
                .update();
    }

    private void markDead(String id, Integer status, String error) {
        jdbc.sql("""
                UPDATE callback_delivery SET state = 'dead', last_status = :status, last_error = :error
                WHERE id = :id AND state = 'pending'
                """)
                .param("id", id)
                .param("status", status)
                .param("error", error)
                .update();
    }

    /** Re-sends a dead (or delivered) callback: a fresh round of attempts under the same webhook-id. */
    boolean redeliver(String id, Instant now) {
        return jdbc.sql("""
                UPDATE callback_delivery SET state = 'pending', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND state <> 'pending'
                """)
                .param("id", id)
                .param("now", DbTime.of(now))
                .update() == 1;
    }

    Optional<CallbackDelivery> find(String id) {
        return jdbc.sql("SELECT * FROM callback_delivery WHERE id = :id").param("id", id)
                .query(CallbackDeliveryRepository::map).optional();
    }

    List<CallbackDelivery> forTask(String taskId) {
        return jdbc.sql("SELECT * FROM callback_delivery WHERE task_id = :taskId ORDER BY created_at")
                .param("taskId", taskId)
                .query(CallbackDeliveryRepository::map)
                .list();
    }

    List<CallbackAttempt> attempts(String deliveryId) {
        return jdbc.sql("SELECT * FROM callback_attempt WHERE delivery_id = :id ORDER BY attempt")
                .param("id", deliveryId)
                .query((rs, n) -> new CallbackAttempt(rs.getString("delivery_id"), rs.getInt("attempt"),
                        DbTime.read(rs, "started_at"), rs.getLong("duration_ms"), rs.getObject("http_status", Integer.class),
                        rs.getString("error")))
                .list();
    }

    private static CallbackDelivery map(ResultSet rs, int row) throws SQLException {
        return new CallbackDelivery(rs.getString("id"), rs.getString("task_id"), rs.getString("api_key_id"),
                rs.getString("url"), rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"),
                DbTime.read(rs, "next_attempt_at"), rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                DbTime.read(rs, "created_at"), DbTime.read(rs, "delivered_at"));
    }
}
