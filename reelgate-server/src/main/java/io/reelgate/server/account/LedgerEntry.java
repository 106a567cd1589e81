package io.reelgate.server.account;

import java.time.Instant;

/** One append-only credit change; {@code balanceAfter} is the key's balance right after it. */
public record LedgerEntry(String id, String apiKeyId, String taskId, String reason, long delta, long balanceAfter,
                          String note, Instant createdAt) {

    public static final String GRANT = "grant";
    public static final String CHARGE = "charge";
    public static final String REFUND = "refund";
    public static final String ADJUST = "adjust";
}
