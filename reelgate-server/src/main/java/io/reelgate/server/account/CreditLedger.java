package io.reelgate.server.account;

import io.reelgate.server.infra.DbTime;
import io.reelgate.server.infra.SqlStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credit balances and their ledger. Each change is a conditional UPDATE of the key's balance followed by one ledger
 * row, and must run inside the caller's transaction, so the two never disagree. The balance check is in the UPDATE
 * itself ({@code credits >= :amount}): concurrent charges serialise on the row and can never overdraw.
 */
@Repository
public class CreditLedger {

    /** The ledger's columns, in the order both writers give their values. */
    private static final String INSERT_LEDGER_ROW =
            "INSERT INTO credit_ledger (id, api_key_id, task_id, reason, delta, balance_after, note, created_at)\n";

    private final JdbcClient jdbc;

    public CreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false (and changes nothing) when the balance does not cover {@code amount} */
    public boolean charge(String apiKeyId, String taskId, long amount, Instant now) {
        requireTransaction();
        int rows = jdbc.sql("UPDATE api_key SET credits = credits - :amount WHERE id = :id AND credits >= :amount")
                .param("id", apiKeyId)
                .param("amount", amount)
                .update();
        if (rows == 0) {
            return false;
        }
        append(apiKeyId, taskId, LedgerEntry.CHARGE, -amount, null, now);
        return true;
    }

    /**
     * PostgreSQL only: charges {@code amount} and runs the caller's INSERT in one statement, so a submit holds the key's
     * balance row for that statement and its commit instead of four round trips. The same rows as {@link #charge}
     * plus the caller's, which {@code insertFrom} must take from the relation it is given (the charge, one row when it
     * succeeded, none when the balance does not cover it), so nothing is written and nothing fails when it does not.
     *
     * @return false (and changes nothing) when the balance does not cover {@code amount}
     */
    public boolean chargeAlong(String apiKeyId, String taskId, long amount, Instant now,
                               Function<String, SqlStatement> insertFrom) {
        requireTransaction();
        SqlStatement insert = insertFrom.apply("charged");
        Map<String, Object> params = new HashMap<>(insert.params());
        params.put("chargeKeyId", apiKeyId);
        params.put("chargeTaskId", taskId);
        params.put("chargeAmount", amount);
        params.put("chargeDelta", -amount);
        params.put("chargeReason", LedgerEntry.CHARGE);
        params.put("chargeAt", DbTime.of(now));
        params.put("ledgerId", UUID.randomUUID().toString());
        int written = jdbc.sql("""
                WITH charged AS (
                    UPDATE api_key SET credits = credits - :chargeAmount
                    WHERE id = :chargeKeyId AND credits >= :chargeAmount RETURNING credits),
                ledger AS (
                """ + INSERT_LEDGER_ROW + """
                    SELECT :ledgerId, :chargeKeyId, :chargeTaskId, :chargeReason, :chargeDelta, credits, NULL, :chargeAt
                    FROM charged)
                """ + insert.sql())
                .params(params)
                .update();
        return written == 1;
    }

    /** Gives a failed task's charge back; the ledger's unique (task, reason) index makes a second refund fail. */
    public void refund(String apiKeyId, String taskId, long amount, Instant now) {
        requireTransaction();
        jdbc.sql("UPDATE api_key SET credits = credits + :amount WHERE id = :id")
                .param("id", apiKeyId)
                .param("amount", amount)
                .update();
        append(apiKeyId, taskId, LedgerEntry.REFUND, amount, null, now);
    }

    /**
     * Grants or takes credits outside a task (new key, top-up, operator correction).
     *
     * @return the new balance
     * @throws InsufficientCreditsException when a negative adjustment would overdraw
     */
    public long adjust(String apiKeyId, long delta, String reason, String note, Instant now) {
        requireTransaction();
        int rows = jdbc.sql("UPDATE api_key SET credits = credits + :delta WHERE id = :id AND credits + :delta >= 0")
                .param("id", apiKeyId)
                .param("delta", delta)
                .update();
        if (rows == 0) {
            throw new InsufficientCreditsException(-delta, balance(apiKeyId));
        }
        return append(apiKeyId, null, reason, delta, note, now);
    }

    public long balance(String apiKeyId) {
        return jdbc.sql("SELECT credits FROM api_key WHERE id = :id").param("id", apiKeyId).query(Long.class).single();
    }

    /** Newest first. */
    public List<LedgerEntry> entries(String apiKeyId, int limit) {
        return jdbc.sql("""
                SELECT * FROM credit_ledger WHERE api_key_id = :id ORDER BY created_at DESC, balance_after LIMIT :limit
                """)
                .param("id", apiKeyId)
                .param("limit", limit)
                .query((rs, n) -> new LedgerEntry(rs.getString("id"), rs.getString("api_key_id"), rs.getString("task_id"),
                        rs.getString("reason"), rs.getLong("delta"), rs.getLong("balance_after"), rs.getString("note"),
                        DbTime.read(rs, "created_at")))
                .list();
    }

    private long append(String apiKeyId, String taskId, String reason, long delta, String note, Instant now) {
        // read inside the same transaction, after our UPDATE holds the row: the balance this change produced
        long balance = balance(apiKeyId);
        jdbc.sql(INSERT_LEDGER_ROW + """
                VALUES (:id, :apiKeyId, :taskId, :reason, :delta, :balance, :note, :now)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("apiKeyId", apiKeyId)
                .param("taskId", taskId)
                .param("reason", reason)
                .param("delta", delta)
                .param("balance", balance)
                .param("note", note)
                .param("now", DbTime.of(now))
                .update();
        return balance;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Credit changes must run inside a transaction");
        }
    }
}
