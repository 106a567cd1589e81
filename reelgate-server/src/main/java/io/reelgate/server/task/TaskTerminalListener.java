package io.reelgate.server.task;

/**
 * Told when a task reaches {@code success} or {@code fail}, inside the transaction of that move: whatever it writes
 * (a refund, a callback in the outbox) commits together with the state change or not at all. Runs exactly once per
 * task, because a terminal move can only be won once.
 */
public interface TaskTerminalListener {

    void onTerminal(Task task);
}
