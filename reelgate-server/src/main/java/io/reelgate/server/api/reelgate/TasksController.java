package io.reelgate.server.api.reelgate;

import io.reelgate.server.api.common.AuthenticatedKey;
import io.reelgate.server.api.common.LimitParameter;
import io.reelgate.server.api.common.PublicUrls;
import io.reelgate.server.api.kie.ApiEnvelope;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskCancellation;
import io.reelgate.server.task.TaskKind;
import io.reelgate.server.task.TaskListQuery;
import io.reelgate.server.task.TaskRepository;
import io.reelgate.server.task.TaskService;
import io.reelgate.server.task.TaskState;
import io.reelgate.server.task.UpstreamUsage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reelgate extensions on tasks: the list, the native view and cancellation. KIE endpoints are untouched by them. */
@RestController
@Tag(name = "Reelgate extensions", description = "Not in KIE: task view, cancel, live stream, callbacks")
class TasksController {

    private final TaskService tasks;
    private final TaskRepository repository;
    private final TaskCancellation cancellation;
    private final PublicUrls urls;

    TasksController(TaskService tasks, TaskRepository repository, TaskCancellation cancellation, PublicUrls urls) {
        this.tasks = tasks;
        this.repository = repository;
        this.cancellation = cancellation;
        this.urls = urls;
    }

    @GetMapping("/api/v1/tasks")
    @Operation(summary = "List your tasks, newest first",
            description = "Filters: `state` (wait, queueing, generating, success, fail), `kind` (generate, extend, aleph). "
                    + "`limit` 1..100 (default 20). Page on with `before` = the previous page's `nextBefore`. "
                    + "Finds the taskId of a submit whose answer was lost.")
    ApiEnvelope<TaskPage> list(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String limit, @RequestParam(required = false) String before,
                               @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        int size = LimitParameter.parse(limit, 20);
        if (size < 1 || size > TaskListQuery.MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + TaskListQuery.MAX_LIMIT);
        }
        List<Task> page = tasks.list(key.id(), new TaskListQuery(stateOf(state), kindOf(kind), blankToNull(before), size));
        String nextBefore = page.size() == size ? page.get(page.size() - 1).id() : null;
        return ApiEnvelope.success(new TaskPage(page.stream().map(this::view).toList(), nextBefore));
    }

    @GetMapping("/api/v1/tasks/{taskId}")
    @Operation(summary = "Task view: kind, engine, state, progress, queue position, cost, times, result URLs")
    ApiEnvelope<TaskView> view(@PathVariable String taskId,
                               @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(view(tasks.findAny(key.id(), taskId)));
    }

    @PostMapping("/api/v1/tasks/{taskId}/cancel")
    @Operation(summary = "Cancel a task", description = "It ends in fail (failCode 400) and is refunded; a finished task answers 422.")
    ApiEnvelope<TaskView> cancel(@PathVariable String taskId,
                                 @RequestAttribute(AuthenticatedKey.ATTRIBUTE) AuthenticatedKey key) {
        return ApiEnvelope.success(view(cancellation.cancel(key.id(), taskId)));
    }

    private TaskView view(Task t) {
        boolean waiting = t.state() == TaskState.WAIT || t.state() == TaskState.QUEUEING;
        boolean success = t.state() == TaskState.SUCCESS;
        return new TaskView(t.id(), t.kind().name().toLowerCase(Locale.ROOT), t.engine(), t.state().wire(), t.progress(),
                waiting ? repository.queuePosition(t) : null, t.parentTaskId(), t.cost(), text(t.createdAt()),
                text(t.queuedAt()), text(t.startedAt()), text(t.finishedAt()), text(t.deadlineAt()), text(t.expiresAt()),
                t.expired(), success ? urls.file(t.videoKey()) : null, success ? urls.file(t.coverKey()) : null,
                t.state() == TaskState.FAIL ? t.failCode() : null, t.state() == TaskState.FAIL ? t.failMsg() : null,
                t.traceId(), t.dialect(), t.input().model(), upstreamOf(t));
    }

    /** The provider's side, for tasks an upstream engine took; {@code null} for those rendered here. */
    private static TaskView.Upstream upstreamOf(Task t) {
        if (t.upstreamStatus() == null && t.upstreamUsageJson() == null) {
            return null;
        }
        return new TaskView.Upstream(t.upstreamStatus(), t.upstreamQueuePosition(),
                UpstreamUsage.read(t.upstreamUsageJson()));
    }

    private static TaskState stateOf(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(TaskState.values()).filter(s -> s.wire().equals(state)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("state",
                        "state must be one of wait, queueing, generating, success, fail"));
    }

    private static TaskKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Arrays.stream(TaskKind.values()).filter(k -> k.name().toLowerCase(Locale.ROOT).equals(kind)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("kind", "kind must be one of generate, extend, aleph"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
