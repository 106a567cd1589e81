package io.reelgate.server.api.reelgate;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.task.TaskEvent;
import io.reelgate.server.task.TaskEventHub;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of the calling key's task changes ({@code event: task}), optionally for one task, with
 * heartbeats and resumption from {@code Last-Event-ID}. Served from memory by {@link TaskEventHub}.
 */
@RestController
@Tag(name = "Reelgate extensions")
class TaskStreamController {

    private final TaskEventHub hub;
    private final Duration timeout;

    TaskStreamController(TaskEventHub hub, @Value("${reelgate.stream.timeout:30m}") Duration timeout) {
        this.hub = hub;
        this.timeout = timeout;
    }

    @GetMapping(path = "/api/v1/tasks/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live task changes (Server-Sent Events)",
            description = "`event: task`, `id:` a sequence number, data `{taskId, kind, state, progress, failCode, failMsg, at}`; "
                    + "heartbeat comments; resume with the Last-Event-ID header.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    id: 42
                    event: task
                    data: {"taskId":"ee603959-debb-48d1-98c4-a6d1c717eba6","kind":"generate","state":"generating","progress":40,"failCode":null,"failMsg":null,"at":"2026-11-26T21:30:00Z"}
                    """)))
    SseEmitter stream(@RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key,
                      @RequestParam(required = false) String taskId,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        EmitterSubscriber subscriber = new EmitterSubscriber(key.id(), taskId == null || taskId.isBlank() ? null : taskId.trim(),
                emitter);
        emitter.onCompletion(() -> hub.unsubscribe(subscriber));
        emitter.onTimeout(() -> hub.unsubscribe(subscriber));
        emitter.onError(error -> hub.unsubscribe(subscriber));
        hub.subscribe(subscriber, parse(lastEventId));
        // sent at once, so the response starts now (clients see the stream open) and clients retry after 3 s
        subscriber.send(SseEmitter.event().comment("connected").reconnectTime(3000));
        return emitter;
    }

    private static long parse(String lastEventId) {
        try {
            return lastEventId == null ? Long.MAX_VALUE : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private record EmitterSubscriber(String apiKeyId, String taskFilter, SseEmitter emitter)
            implements TaskEventHub.Subscriber {

        @Override
        public boolean deliver(TaskEvent event) {
            return send(SseEmitter.event().id(Long.toString(event.id())).name("task").data(new StreamEvent(event),
                    MediaType.APPLICATION_JSON));
        }

        @Override
        public boolean heartbeat() {
            return send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        public void close() {
            emitter.complete();
        }

        boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }

    record StreamEvent(String taskId, String kind, String state, int progress, Integer failCode, String failMsg,
                       String at, String dialect, String model) {
        StreamEvent(TaskEvent e) {
            this(e.taskId(), e.kind(), e.state(), e.progress(), e.failCode(), e.failMsg(), e.at().toString(),
                    e.label().dialect(), e.label().model());
        }
    }
}
