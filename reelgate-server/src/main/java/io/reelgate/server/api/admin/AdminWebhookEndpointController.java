package io.reelgate.server.api.admin;

import io.reelgate.server.account.KeyNotFoundException;
import io.reelgate.server.api.common.JsonBodyReader;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.callback.WebhookEndpoints;
import io.reelgate.server.task.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A key's webhook endpoint: where the OpenAI dialect sends {@code video.completed} / {@code video.failed} for the
 * key's videos (OpenAI configures webhooks per project, not per request), signed with the key's webhook secret.
 */
@RestController
@Tag(name = "Admin")
class AdminWebhookEndpointController {

    private static final String PATH = "/admin/api/keys/{id}/webhook-endpoint";

    private final WebhookEndpoints endpoints;
    private final JsonBodyReader bodies;

    AdminWebhookEndpointController(WebhookEndpoints endpoints, JsonBodyReader bodies) {
        this.endpoints = endpoints;
        this.bodies = bodies;
    }

    @PutMapping(PATH)
    @Operation(summary = "Set the key's webhook endpoint (OpenAI dialect events)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"url\":\"https://example.com/openai-webhooks\"}"))))
    ApiEnvelope<Map<String, String>> set(@PathVariable String id, HttpServletRequest request) {
        JsonNode url = bodies.read(request).path("url");
        if (!url.isString()) {
            throw new InvalidRequestException("url", "url is required (an http(s) URL)");
        }
        if (!endpoints.set(id, url.asString())) {
            throw new KeyNotFoundException(id);
        }
        return ApiEnvelope.success(Map.of("url", url.asString()));
    }

    @GetMapping(PATH)
    @Operation(summary = "The key's webhook endpoint, or null")
    ApiEnvelope<String> get(@PathVariable String id) {
        return ApiEnvelope.success(endpoints.of(id).orElse(null));
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Remove the key's webhook endpoint: its videos send no webhooks")
    ApiEnvelope<Void> clear(@PathVariable String id) {
        if (!endpoints.clear(id)) {
            throw new KeyNotFoundException(id);
        }
        return ApiEnvelope.success(null);
    }
}
