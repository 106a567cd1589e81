package io.reelgate.server.api;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.LedgerEntry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling key's credits: KIE's {@code chat/credit} and Reelgate's ledger extension. */
@RestController
class AccountController {

    private final CreditLedger ledger;

    AccountController(CreditLedger ledger) {
        this.ledger = ledger;
    }

    /** KIE §11.1: {@code data} is the bare integer balance. */
    @GetMapping("/api/v1/chat/credit")
    ApiEnvelope<Long> credit(@RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(ledger.balance(key.id()));
    }

    /** Reelgate extension: the newest ledger entries of the calling key (charges, refunds, grants). */
    @GetMapping("/api/v1/account/ledger")
    ApiEnvelope<List<LedgerEntryView>> ledger(@RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key,
                                              @RequestParam(defaultValue = "100") int limit) {
        return ApiEnvelope.success(ledger.entries(key.id(), Math.max(1, Math.min(limit, 1000))).stream()
                .map(LedgerEntryView::of).toList());
    }

    record LedgerEntryView(String taskId, String reason, long delta, long balanceAfter, String note, String createdAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.taskId(), e.reason(), e.delta(), e.balanceAfter(), e.note(),
                    e.createdAt().toString());
        }
    }
}
