package io.reelgate.server.account;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Key administration: create with a starting balance, list, disable, rotate, top up. */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final CreditLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApiKeyAuthenticator authenticator;

    public ApiKeyService(ApiKeyRepository keys, CreditLedger ledger, TransactionTemplate tx, Clock clock,
                         ApiKeyAuthenticator authenticator) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    public CreatedKey create(String name, long credits) {
        String secret = ApiKeySecrets.newSecret();
        String id = tx.execute(status -> {
            String keyId = keys.create(name, secret, clock.instant());
            if (credits > 0) {
                ledger.adjust(keyId, credits, LedgerEntry.GRANT, "initial balance", clock.instant());
            }
            return keyId;
        });
        return new CreatedKey(get(id), secret);
    }

    public List<ApiKey> list() {
        return keys.list();
    }

    public ApiKey get(String id) {
        return keys.findById(id).orElseThrow(() -> new KeyNotFoundException(id));
    }

    public ApiKey setDisabled(String id, boolean disabled) {
        if (!keys.setDisabled(id, disabled)) {
            throw new KeyNotFoundException(id);
        }
        authenticator.forget(id);
        return get(id);
    }

    public CreatedKey rotate(String id) {
        String secret = ApiKeySecrets.newSecret();
        if (!keys.replaceSecret(id, secret)) {
            throw new KeyNotFoundException(id);
        }
        authenticator.forget(id);
        return new CreatedKey(get(id), secret);
    }

    /** Adds (or with a negative amount, takes) credits; returns the new balance. */
    public long adjustCredits(String id, long amount, String note) {
        get(id);
        String reason = amount >= 0 ? LedgerEntry.GRANT : LedgerEntry.ADJUST;
        return tx.execute(status -> ledger.adjust(id, amount, reason, note, clock.instant()));
    }

    public List<LedgerEntry> ledger(String id, int limit) {
        get(id);
        return ledger.entries(id, limit);
    }
}
