package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.InsufficientCreditsException;
import io.reelgate.server.infra.DatabaseKind;
import org.springframework.stereotype.Component;

/**
 * Writes a submitted task and charges its cost, inside the caller's transaction. With one key, concurrent submits
 * queue on its balance row from the charge to the commit, so the charge comes last: on H2 after the task's INSERT, on
 * PostgreSQL together with it in one statement (one round trip, then the commit). Either way a task exists only when
 * its charge and ledger row do.
 */
@Component
public record TaskSubmitWrites(TaskRepository tasks, CreditLedger ledger, DatabaseKind database) {

    /** @throws InsufficientCreditsException when the key's balance does not cover the cost; the caller rolls back */
    void insertCharged(NewTask task) {
        if (task.cost() > 0 && database.isPostgres()) {
            ledger.chargeAlong(task.apiKeyId(), task.id(), task.cost(), task.createdAt(), tasks.insertStatement(task));
            return;
        }
        tasks.insert(task);
        if (task.cost() > 0 && !ledger.charge(task.apiKeyId(), task.id(), task.cost(), task.createdAt())) {
            throw new InsufficientCreditsException(task.cost(), ledger.balance(task.apiKeyId()));
        }
    }
}
