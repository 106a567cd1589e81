package io.reelgate.server.api;

import io.reelgate.server.account.ApiKey;
import io.reelgate.server.account.ApiKeyService;
import io.reelgate.server.account.CreatedKey;
import io.reelgate.server.account.KeyNotFoundException;
import io.reelgate.server.account.LedgerEntry;
import io.reelgate.server.callback.WebhookSecrets;
import java.time.Clock;
import io.reelgate.server.task.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Operator API for keys and credits, behind {@link AdminTokenFilter}. Secrets appear only in create/rotate answers. */
@RestController
class AdminKeysController {

    private final ApiKeyService keys;
    private final WebhookSecrets webhookSecrets;
    private final JsonBodyReader bodies;
    private final Clock clock;

    AdminKeysController(ApiKeyService keys, WebhookSecrets webhookSecrets, JsonBodyReader bodies, Clock clock) {
        this.keys = keys;
        this.webhookSecrets = webhookSecrets;
        this.bodies = bodies;
        this.clock = clock;
    }

    record KeyView(String id, String name, String keyPrefix, boolean disabled, long credits, String createdAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.keyPrefix(), k.disabled(), k.credits(), k.createdAt().toString());
        }
    }

    record CreatedKeyView(KeyView key, String secret) {
        static CreatedKeyView of(CreatedKey created) {
            return new CreatedKeyView(KeyView.of(created.key()), created.secret());
        }
    }

    @PostMapping("/admin/api/keys")
    ApiEnvelope<CreatedKeyView> create(HttpServletRequest request) {
        JsonNode body = bodies.read(request);
        String name = body.path("name").asString("").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidRequestException("name", "name is required (at most 200 characters)");
        }
        long credits = amount(body, "credits", 0);
        if (credits < 0) {
            throw new InvalidRequestException("credits", "credits must not be negative");
        }
        return ApiEnvelope.success(CreatedKeyView.of(keys.create(name, credits)));
    }

    @GetMapping("/admin/api/keys")
    ApiEnvelope<List<KeyView>> list() {
        return ApiEnvelope.success(keys.list().stream().map(KeyView::of).toList());
    }

    @PostMapping("/admin/api/keys/{id}/disable")
    ApiEnvelope<KeyView> disable(@PathVariable String id) {
        return ApiEnvelope.success(KeyView.of(keys.setDisabled(id, true)));
    }

    @PostMapping("/admin/api/keys/{id}/enable")
    ApiEnvelope<KeyView> enable(@PathVariable String id) {
        return ApiEnvelope.success(KeyView.of(keys.setDisabled(id, false)));
    }

    @PostMapping("/admin/api/keys/{id}/rotate")
    ApiEnvelope<CreatedKeyView> rotate(@PathVariable String id) {
        return ApiEnvelope.success(CreatedKeyView.of(keys.rotate(id)));
    }

    /** Adds credits ({@code amount} may be negative to correct a balance; it can never go below zero). */
    @PostMapping("/admin/api/keys/{id}/credits")
    ApiEnvelope<Long> adjustCredits(@PathVariable String id, HttpServletRequest request) {
        JsonNode body = bodies.read(request);
        long amount = amount(body, "amount", null);
        return ApiEnvelope.success(keys.adjustCredits(id, amount, body.path("note").asString(null)));
    }

    /** A new webhook signing secret for the key, shown once; the previous one keeps signing during the overlap. */
    @PostMapping("/admin/api/keys/{id}/webhook-secret")
    ApiEnvelope<String> rotateWebhookSecret(@PathVariable String id) {
        return ApiEnvelope.success(webhookSecrets.rotate(id, clock.instant()).orElseThrow(() -> new KeyNotFoundException(id)));
    }

    @GetMapping("/admin/api/keys/{id}/ledger")
    ApiEnvelope<List<LedgerEntry>> ledger(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        return ApiEnvelope.success(keys.ledger(id, Math.max(1, Math.min(limit, 1000))));
    }

    private static long amount(JsonNode body, String field, Integer fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new InvalidRequestException(field, field + " is required");
            }
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidRequestException(field, field + " must be a whole number");
        }
        return node.longValue();
    }
}
