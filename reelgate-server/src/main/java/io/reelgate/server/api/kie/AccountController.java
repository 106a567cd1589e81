package io.reelgate.server.api.kie;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.LedgerEntry;
import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.LimitParameter;
import io.reelgate.server.api.openapi.KieExamples;
import io.reelgate.server.api.openapi.KieSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calling key's credits: KIE's {@code chat/credit} and Reelgate's ledger extension. */
@RestController
@Tag(name = "Account", description = "Credits: KIE's balance and Reelgate's ledger extension")
class AccountController {

    private final CreditLedger ledger;

    AccountController(CreditLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code data} is the bare integer balance (docs/kie-contract.md, "Credit"). */
    @GetMapping("/api/v1/chat/credit")
    @Operation(summary = "Get remaining credits (KIE)")
    @ApiResponse(responseCode = "200", description = "data is the balance, an integer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KieSchemas.CreditEnvelope.class),
                    examples = @ExampleObject(name = "balance", value = KieExamples.CREDIT_RESPONSE)))
    ApiEnvelope<Long> credit(@RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(ledger.balance(key.id()));
    }

    /** Reelgate extension: the newest ledger entries of the calling key (charges, refunds, grants). */
    @GetMapping("/api/v1/account/ledger")
    @Operation(summary = "The calling key's ledger, newest first (Reelgate extension)")
    ApiEnvelope<List<LedgerEntryView>> ledger(@RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key,
                                              @RequestParam(required = false) String limit) {
        return ApiEnvelope.success(ledger.entries(key.id(), Math.max(1, Math.min(LimitParameter.parse(limit, 100), 1000))).stream()
                .map(LedgerEntryView::of).toList());
    }

    record LedgerEntryView(String taskId, String reason, long delta, long balanceAfter, String note, String createdAt) {
        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.taskId(), e.reason(), e.delta(), e.balanceAfter(), e.note(),
                    e.createdAt().toString());
        }
    }
}
