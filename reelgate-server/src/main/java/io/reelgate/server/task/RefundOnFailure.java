package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** A task that ends in {@code fail}, for whatever reason, gives its charge back, once. */
@Component
class RefundOnFailure implements TaskTerminalListener {

    private final CreditLedger ledger;
    private final Clock clock;

    RefundOnFailure(CreditLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void onTerminal(Task task) {
        if (task.state() == TaskState.FAIL && task.cost() > 0) {
            ledger.refund(task.apiKeyId(), task.id(), task.cost(), clock.instant());
        }
    }
}
