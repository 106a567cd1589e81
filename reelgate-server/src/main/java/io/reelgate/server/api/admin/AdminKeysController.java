package io.reelgate.server.api.admin;

import io.reelgate.server.account.ApiKey;
import io.reelgate.server.account.ApiKeyService;
import io.reelgate.server.account.CreatedKey;
import io.reelgate.server.account.KeyNotFoundException;
import io.reelgate.server.account.LedgerEntry;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.common.LimitParameter;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.api.openapi.AdminSchemas;
import io.reelgate.server.callback.WebhookSecrets;
import io.reelgate.server.task.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Operator API for keys and credits, behind {@link AdminTokenFilter}. Secrets appear only in create/rotate answers. */
@RestController
@Tag(name = "Admin")
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
    @Operation(summary = "Create a key; the answer is the only time its secret is shown",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminSchemas.CreateKeyRequest.class))))
    ApiEnvelope<CreatedKeyView> create(HttpServletRequest request) {
        JsonNode body = bodies.read(request);
        JsonNode nameNode = body.path("name");
        if (!nameNode.isMissingNode() && !nameNode.isNull() && !nameNode.isString()) {
            // a number or an object is a client bug, not a name: refuse it rather than store its text
            throw new InvalidRequestException("name", "name must be a string");
        }
        String name = nameNode.asString("").trim();
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
    @Operation(summary = "List keys (no secrets)")
    ApiEnvelope<List<KeyView>> list() {
        return ApiEnvelope.success(keys.list().stream().map(KeyView::of).toList());
    }

    @PostMapping("/admin/api/keys/{id}/disable")
    @Operation(summary = "Disable a key: it gets 401 until enabled")
    ApiEnvelope<KeyView> disable(@PathVariable String id) {
        return ApiEnvelope.success(KeyView.of(keys.setDisabled(id, true)));
    }

    @PostMapping("/admin/api/keys/{id}/enable")
    @Operation(summary = "Enable a key")
    ApiEnvelope<KeyView> enable(@PathVariable String id) {
        return ApiEnvelope.success(KeyView.of(keys.setDisabled(id, false)));
    }

    @PostMapping("/admin/api/keys/{id}/rotate")
    @Operation(summary = "Replace a key's secret; the old one stops working at once")
    ApiEnvelope<CreatedKeyView> rotate(@PathVariable String id) {
        return ApiEnvelope.success(CreatedKeyView.of(keys.rotate(id)));
    }

    /** Adds credits ({@code amount} may be negative to correct a balance; it can never go below zero). */
    @PostMapping("/admin/api/keys/{id}/credits")
    @Operation(summary = "Top up (or correct) a key's credits; answers the new balance",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminSchemas.CreditsRequest.class))))
    ApiEnvelope<Long> adjustCredits(@PathVariable String id, HttpServletRequest request) {
        JsonNode body = bodies.read(request);
        long amount = amount(body, "amount", null);
        return ApiEnvelope.success(keys.adjustCredits(id, amount, body.path("note").asString(null)));
    }

    /** A new webhook signing secret for the key, shown once; the previous one keeps signing during the overlap. */
    @PostMapping("/admin/api/keys/{id}/webhook-secret")
    @Operation(summary = "New webhook signing secret (whsec_…), shown once")
    ApiEnvelope<String> rotateWebhookSecret(@PathVariable String id) {
        return ApiEnvelope.success(webhookSecrets.rotate(id, clock.instant()).orElseThrow(() -> new KeyNotFoundException(id)));
    }

    @GetMapping("/admin/api/keys/{id}/ledger")
    @Operation(summary = "A key's ledger, newest first")
    ApiEnvelope<List<LedgerEntry>> ledger(@PathVariable String id, @RequestParam(required = false) String limit) {
        return ApiEnvelope.success(keys.ledger(id, Math.max(1, Math.min(LimitParameter.parse(limit, 100), 1000))));
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
