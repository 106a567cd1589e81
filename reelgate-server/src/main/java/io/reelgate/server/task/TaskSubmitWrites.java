package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.infra.DatabaseKind;
import org.springframework.stereotype.Component;

/**
 * Writes a submitted task and charges its cost, inside the caller's transaction, or writes nothing when the key's
 * balance does not cover it. With one key, concurrent submits queue on its balance row from the charge to the
 * commit, so that stretch is short: on PostgreSQL the charge, its ledger row and the task's INSERT are one statement
 * (one round trip, then the commit). Either way a task exists only when its charge and ledger row do.
 */
@Component
public record TaskSubmitWrites(TaskRepository tasks, CreditLedger ledger, DatabaseKind database) {

    /** @return false, having written nothing, when the key's balance does not cover the task's cost */
    boolean insertCharged(NewTask task) {
        if (task.cost() <= 0) {
            tasks.insert(task);
            return true;
        }
        if (database.isPostgres()) {
            return ledger.chargeAlong(task.apiKeyId(), task.id(), task.cost(), task.createdAt(),
                    source -> tasks.insertFrom(task, source));
        }
        if (!ledger.charge(task.apiKeyId(), task.id(), task.cost(), task.createdAt())) {
            return false;
        }
        tasks.insert(task);
        return true;
    }
}
