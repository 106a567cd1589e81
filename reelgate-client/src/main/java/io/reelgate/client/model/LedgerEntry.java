package io.reelgate.client.model;

/**
 * One credit change of a key (Reelgate extension {@code GET /api/v1/account/ledger} and the admin ledger).
 *
 * @param taskId       the task charged or refunded, null for grants and adjustments
 * @param reason       {@code grant}, {@code charge}, {@code refund} or {@code adjust}
 * @param delta        the change (negative for charges)
 * @param balanceAfter the balance right after this change
 * @param note         optional operator note
 * @param createdAt    ISO time
 */
public record LedgerEntry(String taskId, String reason, long delta, long balanceAfter, String note, String createdAt) {
}
