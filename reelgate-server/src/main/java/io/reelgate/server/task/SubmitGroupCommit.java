package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.InsufficientCreditsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits that arrive while another is being written share the next transaction: one commit, so one durable flush
 * of the database's log, for all of them. A key's concurrent submits queue on its balance row from the charge to the
 * commit; writing them together turns that queue into one transaction instead of one per submit. Each caller returns
 * only after the commit that holds its task, so an answered submit is as durable as before; a task the balance does
 * not cover is refused alone (its charge and INSERT write nothing), and a failed transaction fails every task in it.
 * The caller that finds the writer free writes whatever is waiting (flat combining): no thread of its own, no added
 * wait when submits come one at a time.
 */
@Component
public class SubmitGroupCommit {

    /** A bound on one transaction's work, so the first callers are not held by a long burst. */
    static final int MAX_BATCH = 64;

    private final TaskSubmitWrites writes;
    private final CreditLedger ledger;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ReentrantLock writer = new ReentrantLock();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();

    public SubmitGroupCommit(TaskSubmitWrites writes, CreditLedger ledger, TransactionTemplate tx,
                      ApplicationEventPublisher events) {
        this.writes = writes;
        this.ledger = ledger;
        this.tx = tx;
        this.events = events;
    }

    private record Pending(NewTask task, CompletableFuture<Void> written) {
    }

    /**
     * Writes the task with its charge and returns once that is committed, announcing its {@code wait} event just
     * before the commit (no worker can see the row earlier).
     *
     * @throws InsufficientCreditsException when the key's balance does not cover the task; nothing was written
     */
    void write(NewTask task) {
        Pending mine = new Pending(task, new CompletableFuture<>());
        waiting.add(mine);
        while (!mine.written().isDone()) {
            writer.lock();
            try {
                if (!mine.written().isDone()) {
                    writeBatch(drain());
                }
            } finally {
                writer.unlock();
            }
        }
        try {
            mine.written().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Writes the task with its charge and {@code alsoWrite} (the Idempotency-Key record) in a transaction of its own:
     * a concurrent duplicate key rolls it back, which must not take other submits with it.
     *
     * @throws InsufficientCreditsException when the key's balance does not cover the task; nothing was written
     */
    void writeAlone(NewTask task, Runnable alsoWrite) {
        tx.executeWithoutResult(status -> {
            if (!writes.insertCharged(task)) {
                throw new InsufficientCreditsException(task.cost(), ledger.balance(task.apiKeyId()));
            }
            alsoWrite.run();
            announceBeforeCommit(List.of(task));
        });
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        // every node locks balance rows in key order, so two nodes' batches never wait for each other in a circle
        batch.sort(Comparator.comparing(pending -> pending.task().apiKeyId()));
        return batch;
    }

    private void writeBatch(List<Pending> batch) {
        List<Pending> written = new ArrayList<>();
        List<Pending> refused = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> {
                written.clear();
                refused.clear();
                for (Pending pending : batch) {
                    (writes.insertCharged(pending.task()) ? written : refused).add(pending);
                }
                announceBeforeCommit(written.stream().map(Pending::task).toList());
            });
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.written().completeExceptionally(e));
            return;
        }
        written.forEach(pending -> pending.written().complete(null));
        for (Pending pending : refused) {
            NewTask task = pending.task();
            pending.written().completeExceptionally(new InsufficientCreditsException(task.cost(),
                    ledger.balance(task.apiKeyId())));
        }
    }

    /** Just before the commit: no worker can see the rows earlier, so {@code wait} precedes a task's later events. */
    private void announceBeforeCommit(List<NewTask> written) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                written.forEach(task -> events.publishEvent(new TaskChanged(Task.submitted(task))));
            }
        });
    }
}
