package io.reelgate.client;

import io.reelgate.client.model.ApiKeyInfo;
import io.reelgate.client.model.CreatedApiKey;
import io.reelgate.client.model.LedgerEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reelgate's operator API ({@code /admin/api}): keys and credits. Build with
 * {@code ReelgateClient.builder().baseUrl(url).buildAdmin(adminToken)}; the token is in
 * {@code <data-dir>/admin-token.txt}. Blocking only: these are operator actions, not hot paths.
 */
public final class ReelgateAdminClient {

    private final Transport transport;

    ReelgateAdminClient(Transport transport) {
        this.transport = transport;
    }

    /** Creates a key with a starting balance; the answer holds the secret, shown this once. */
    public CreatedApiKey createKey(String name, long credits) {
        // not repeatable: a retry after a lost answer would create a second key
        return post("/admin/api/keys", Map.of("name", name, "credits", credits), false, CreatedApiKey.class);
    }

    /** Every key, without secrets. */
    public List<ApiKeyInfo> listKeys() {
        return Json.list(Futures.join(transport.send(Call.get("/admin/api/keys"))), ApiKeyInfo.class);
    }

    public ApiKeyInfo disableKey(String id) {
        return post("/admin/api/keys/" + Urls.encode(id) + "/disable", Map.of(), true, ApiKeyInfo.class);
    }

    public ApiKeyInfo enableKey(String id) {
        return post("/admin/api/keys/" + Urls.encode(id) + "/enable", Map.of(), true, ApiKeyInfo.class);
    }

    /** Replaces the key's secret (the old one stops working); the answer holds the new secret. */
    public CreatedApiKey rotateKey(String id) {
        return post("/admin/api/keys/" + Urls.encode(id) + "/rotate", Map.of(), false, CreatedApiKey.class);
    }

    /**
     * Adds {@code amount} credits (negative to correct; the balance never goes below zero).
     *
     * @return the new balance
     */
    public long addCredits(String id, long amount, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        if (note != null) {
            body.put("note", note);
        }
        return post("/admin/api/keys/" + Urls.encode(id) + "/credits", body, false, Long.class);
    }

    /** The newest (up to 100) credit changes of a key. */
    public List<LedgerEntry> ledger(String id) {
        return Json.list(Futures.join(transport.send(Call.get("/admin/api/keys/" + Urls.encode(id) + "/ledger"))),
                LedgerEntry.class);
    }

    /** A new webhook signing secret for the key, shown once; the previous one keeps signing for a while. */
    public String rotateWebhookSecret(String id) {
        return post("/admin/api/keys/" + Urls.encode(id) + "/webhook-secret", Map.of(), false, String.class);
    }

    private <T> T post(String path, Map<String, ?> body, boolean repeatable, Class<T> type) {
        return Json.convert(Futures.join(transport.send(Call.postJson(path, Json.write(body), repeatable))), type);
    }
}
