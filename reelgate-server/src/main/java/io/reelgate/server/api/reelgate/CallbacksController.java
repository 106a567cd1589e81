package io.reelgate.server.api.reelgate;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.TaskIdParameter;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.callback.CallbackQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reelgate extension: the callback deliveries of the caller's tasks, every attempt, and re-sending. */
@RestController
@Tag(name = "Reelgate extensions")
class CallbacksController {

    private final CallbackQueries callbacks;

    CallbacksController(CallbackQueries callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping("/api/v1/callbacks")
    @Operation(summary = "Callback deliveries of one of the caller's tasks, with every attempt")
    ApiEnvelope<List<CallbackViews.Delivery>> list(@RequestParam(required = false) String taskId,
                                                   @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(callbacks.forTask(TaskIdParameter.require(taskId), key.id()).stream()
                .map(CallbackViews::of).toList());
    }

    @PostMapping("/api/v1/callbacks/{webhookId}/redeliver")
    @Operation(summary = "Send a callback delivery again")
    ApiEnvelope<CallbackViews.Delivery> redeliver(@PathVariable String webhookId,
                                                  @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(CallbackViews.of(callbacks.redeliver(webhookId, key.id())));
    }

    @GetMapping("/admin/api/callbacks")
    @Operation(summary = "Callback deliveries of any task, with every attempt", tags = "Admin")
    ApiEnvelope<List<CallbackViews.Delivery>> adminList(@RequestParam(required = false) String taskId) {
        return ApiEnvelope.success(callbacks.forTask(TaskIdParameter.require(taskId), null).stream()
                .map(CallbackViews::of).toList());
    }

    @PostMapping("/admin/api/callbacks/{webhookId}/redeliver")
    @Operation(summary = "Send any callback delivery again", tags = "Admin")
    ApiEnvelope<CallbackViews.Delivery> adminRedeliver(@PathVariable String webhookId) {
        return ApiEnvelope.success(CallbackViews.of(callbacks.redeliver(webhookId, null)));
    }
}
