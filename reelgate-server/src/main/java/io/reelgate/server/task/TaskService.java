package io.reelgate.server.task;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UnsupportedInputException;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundRefusedException;
import io.reelgate.server.idempotency.IdempotencyScope;
import io.reelgate.server.idempotency.IdempotencyStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Accepts tasks and answers for them; the dispatcher takes it from there. */
@Service
public class TaskService {

    /** The built-in engine every registry model names last: the offline sandbox. */
    private static final String PREVIEW_ENGINE = "preview";

    /** KIE documents no extension length; Runway's extensions add 5 seconds, and so do ours. */
    public static final int EXTEND_SECONDS = 5;
    /** Aleph processes at most the first 5 seconds of the source (docs/kie-contract.md, "Aleph generate"). */
    public static final int ALEPH_SECONDS = 5;
    private static final Set<TaskKind> RUNWAY_KINDS = Set.of(TaskKind.GENERATE, TaskKind.EXTEND);
    private static final Set<TaskKind> ALEPH_KINDS = Set.of(TaskKind.ALEPH);

    private final TaskRepository tasks;
    private final TaskPricing pricing;
    private final OutboundGuard outboundGuard;
    private final SubmitGroupCommit groupCommit;
    private final IdempotencyStore idempotency;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EngineRouting routing;
    private final List<EngineCapabilities> capabilities;
    private final TaskTracing tracing;
    private final EngineAvailability availability;

    public TaskService(TaskRepository tasks, TaskPricing pricing, OutboundGuard outboundGuard, SubmitGroupCommit groupCommit,
                       IdempotencyStore idempotency, ApplicationEventPublisher events,
                       Clock clock, EngineRouting routing, ObjectProvider<EngineCapabilities> capabilities,
                       TaskTracing tracing, EngineAvailability availability) {
        this.availability = availability;
        this.tracing = tracing;
        this.tasks = tasks;
        this.pricing = pricing;
        this.outboundGuard = outboundGuard;
        this.groupCommit = groupCommit;
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.capabilities = capabilities.orderedStream().toList();
    }

    /** {@code dialect} names the wire dialect accepting the task: it renders the callback and alone reads the task. */
    public String submitGenerate(String apiKeyId, String dialect, GenerateRequest r, SubmitOptions options) {
        TaskInput input = TaskInput.builder().prompt(r.prompt()).imageUrl(r.imageUrl()).aspectRatio(r.aspectRatio())
                .quality(r.quality()).duration(r.duration()).waterMark(r.waterMark()).callBackUrl(r.callBackUrl())
                .model(r.model()).expandPrompt(r.expandPrompt()).build();
        return submit(apiKeyId, dialect, TaskKind.GENERATE, null, input, options);
    }

    /**
     * Extends a finished video of the same key. Another key's task, and an Aleph task, answer exactly like a
     * missing one, and so does a task another dialect accepted; a task that is not {@code success} or whose files
     * expired cannot be extended.
     */
    public String submitExtend(String apiKeyId, String dialect, ExtendRequest r, SubmitOptions options) {
        Task parent = findRunway(apiKeyId, dialect, r.taskId());
        if (parent.state() != TaskState.SUCCESS) {
            throw new InvalidRequestException("taskId", "Task " + parent.id() + " cannot be extended: its state is "
                    + parent.state().wire() + "; only a success task can be extended");
        }
        if (parent.expired()) {
            throw new InvalidRequestException("taskId",
                    "Task " + parent.id() + " cannot be extended: its video has expired (expireFlag 1)");
        }
        TaskInput input = TaskInput.builder().prompt(r.prompt()).aspectRatio(parent.input().aspectRatio())
                .quality(r.quality()).duration(EXTEND_SECONDS).waterMark(r.waterMark()).callBackUrl(r.callBackUrl())
                .build();
        return submit(apiKeyId, dialect, TaskKind.EXTEND, parent.id(), input, options);
    }

    public String submitAleph(String apiKeyId, String dialect, AlephRequest r, SubmitOptions options) {
        TaskInput input = TaskInput.builder().prompt(r.prompt()).aspectRatio(r.aspectRatio()).duration(ALEPH_SECONDS)
                .waterMark(r.waterMark()).callBackUrl(r.callBackUrl()).videoUrl(r.videoUrl()).seed(r.seed())
                .referenceImage(r.referenceImage()).uploadCn(r.uploadCn()).paramsJson(r.paramsJson()).build();
        return submit(apiKeyId, dialect, TaskKind.ALEPH, null, input, options);
    }

    /** A generate or extend task of this key accepted by {@code dialect} (what record-detail may show). */
    public Task findRunway(String apiKeyId, String dialect, String taskId) {
        return find(apiKeyId, dialect, taskId, RUNWAY_KINDS);
    }

    /** An Aleph task of this key accepted by {@code dialect} (what record-info may show). */
    public Task findAleph(String apiKeyId, String dialect, String taskId) {
        return find(apiKeyId, dialect, taskId, ALEPH_KINDS);
    }

    /** Any task of this key that {@code dialect} accepted (a model-based dialect's status endpoint). */
    public Task findInDialect(String apiKeyId, String dialect, String taskId) {
        return find(apiKeyId, dialect, taskId, Set.of(TaskKind.values()));
    }

    /** Any task of this key, whichever dialect accepted it (the Reelgate task view). */
    public Task findAny(String apiKeyId, String taskId) {
        return tasks.findOwned(taskId, apiKeyId).orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** A page of this key's tasks, newest first; {@code before} must be one of the key's own tasks. */
    public List<Task> list(String apiKeyId, TaskListQuery query) {
        Task after = null;
        if (query.before() != null) {
            after = tasks.findOwned(query.before(), apiKeyId)
                    .orElseThrow(() -> new InvalidRequestException("before", "before must be the taskId of one of your tasks"));
        }
        return tasks.listOwned(apiKeyId, query.state(), query.kind(), after, query.limit());
    }

    /**
     * A page of the tasks {@code dialect} accepted for this key, newest or oldest first; {@code afterId} must be one
     * of them, else the field {@code afterField} is refused.
     */
    public List<Task> listInDialect(String apiKeyId, String dialect, String afterId, String afterField, int limit,
                                    boolean ascending) {
        Task after = null;
        if (afterId != null) {
            after = tasks.findOwned(afterId, apiKeyId).filter(task -> task.dialect().equals(dialect))
                    .orElseThrow(() -> new InvalidRequestException(afterField, afterField + " must be the id of one of your videos"));
        }
        return tasks.listInDialect(apiKeyId, dialect, after, limit, ascending);
    }

    /** A task of another dialect answers exactly like a missing one: each dialect reads back only what it accepted. */
    private Task find(String apiKeyId, String dialect, String taskId, Set<TaskKind> kinds) {
        return tasks.findOwned(taskId, apiKeyId)
                .filter(task -> task.dialect().equals(dialect) && kinds.contains(task.kind()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /**
     * A task for a registry model: routed to the operator's engine for the model if one is configured, else to the
     * first of the registry's engines this deployment runs and that accepts the job.
     */
    public String submitModel(String apiKeyId, ModelTask request, SubmitOptions options) {
        ModelTask task = request.kind() == TaskKind.EXTEND ? continuing(apiKeyId, request) : request;
        return submit(apiKeyId, options, task.input(), () -> {
            List<String> engines = servingEngines(task);
            return newTask(apiKeyId, task.dialect(), task.kind(), task.parentTaskId(), engines.get(0), task.input(),
                    task.cost(), engines);
        });
    }

    private String submit(String apiKeyId, String dialect, TaskKind kind, String parentTaskId, TaskInput input,
                          SubmitOptions options) {
        return submit(apiKeyId, options, input, () -> {
            String engine = routing.engineFor(kind, input.model());
            requireEngineCapable(engine, kind, input);
            return newTask(apiKeyId, dialect, kind, parentTaskId, engine, input, pricing.costOf(kind, input), List.of());
        });
    }

    private String submit(String apiKeyId, SubmitOptions options, TaskInput input, Supplier<NewTask> plan) {
        requireAllowedCallback(input.callBackUrl());
        try {
            return submitOnce(apiKeyId, options, plan);
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same Idempotency-Key committed first: our transaction rolled back,
            // and its answer is now ours to replay
            return replay(apiKeyId, options).orElseThrow(() -> e);
        }
    }

    /**
     * Inserts the task, charges its cost and records the Idempotency-Key in one transaction: all happen, or
     * (too few credits, a concurrent duplicate) none. A replayed key answers before anything is routed or priced.
     */
    private String submitOnce(String apiKeyId, SubmitOptions options, Supplier<NewTask> plan) {
        Optional<String> replayed = replay(apiKeyId, options);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        NewTask planned = plan.get();
        try (TaskSpan span = tracing.submit(planned.id(), apiKeyId, planned.kind(), planned.engine(),
                planned.input().model())) {
            return insert(planned, span.traceParent(), options);
        }
    }

    private NewTask newTask(String apiKeyId, String dialect, TaskKind kind, String parentTaskId, String engine,
                            TaskInput input, long cost, List<String> routeEngines) {
        return new NewTask(UUID.randomUUID().toString(), apiKeyId, kind, parentTaskId, engine, input, cost,
                clock.instant(), null, null, dialect, routeEngines);
    }

    /**
     * An extension continues a finished task of the same key and dialect, in its shape; anything else is a 422 on the
     * field that named the parent, since the request, not a task lookup, is at fault.
     */
    private ModelTask continuing(String apiKeyId, ModelTask task) {
        String parentId = task.parentTaskId();
        Task parent = parentId == null ? null : tasks.findOwned(parentId, apiKeyId)
                .filter(p -> p.dialect().equals(task.dialect())).orElse(null);
        if (parent == null) {
            throw new InvalidRequestException("task_id", "task_id " + parentId + " is not a task of yours");
        }
        if (parent.state() != TaskState.SUCCESS || parent.expired()) {
            throw new InvalidRequestException("task_id", "task_id " + parentId + " cannot be extended: "
                    + (parent.expired() ? "its video has expired" : "its state is " + parent.state().wire()));
        }
        TaskInput input = task.input().toBuilder().aspectRatio(parent.input().aspectRatio())
                .size(parent.input().size()).build();
        return task.continuing(parent.id(), input);
    }

    /**
     * The engines that serve a model task, in order: the operator's list for the model ({@code reelgate.routing.models})
     * or the registry's routes, keeping those this deployment runs and whose route and capabilities accept the input.
     * The preview engine serves a model only while none of its real engines runs (the offline sandbox); once one does,
     * a request no real engine can serve is refused with a 422 naming the field, never silently rendered as a preview.
     * The first serves the task; the rest are its failover list.
     */
    private List<String> servingEngines(ModelTask task) {
        Optional<List<String>> configured = routing.configuredFor(task.input().model());
        List<ModelTask.Route> candidates = configured.map(engines -> engines.stream().map(engine -> task.routes()
                        .stream().filter(route -> route.engine().equals(engine)).findFirst()
                        .orElse(ModelTask.Route.open(engine))).toList())
                .orElse(task.routes());
        List<ModelTask.Route> running = candidates.stream().filter(route -> availability.runs(route.engine())).toList();
        // an operator who lists preview for a model means it; the registry's preview route is the sandbox's
        boolean realEngineRuns = configured.isEmpty()
                && running.stream().anyMatch(route -> !route.engine().equals(PREVIEW_ENGINE));
        List<String> serving = new ArrayList<>();
        InvalidRequestException refused = null;
        for (ModelTask.Route route : running) {
            if (realEngineRuns && route.engine().equals(PREVIEW_ENGINE)) {
                continue;
            }
            if (route.refused()) {
                refused = refused == null ? new InvalidRequestException(route.refusedField(), route.refusedMessage())
                        : refused;
                continue;
            }
            try {
                checkCapable(route.engine(), task.kind(), task.input());
                serving.add(route.engine());
            } catch (UnsupportedInputException e) {
                refused = refused == null ? new InvalidRequestException(e.field(), e.getMessage()) : refused;
            }
        }
        if (!serving.isEmpty()) {
            return serving;
        }
        if (refused != null) {
            throw refused;
        }
        throw new InvalidRequestException("model", "model " + task.input().model() + " has no engine on this server");
    }

    private String insert(NewTask submitted, String traceParent, SubmitOptions options) {
        String id = submitted.id();
        String apiKeyId = submitted.apiKeyId();
        long cost = submitted.cost();
        Instant now = submitted.createdAt();
        Instant deadline = options.deadline() == null ? null : now.plus(options.deadline());
        NewTask task = new NewTask(id, apiKeyId, submitted.kind(), submitted.parentTaskId(), submitted.engine(),
                submitted.input(), cost, now, deadline, traceParent, submitted.dialect(), submitted.routeEngines());
        if (options.idempotencyKey() == null) {
            groupCommit.write(task);
        } else {
            groupCommit.writeAlone(task, () -> idempotency.insert(IdempotencyScope.TASK_SUBMIT, apiKeyId,
                    options.idempotencyKey(), options.requestFingerprint(), id));
        }
        events.publishEvent(new TaskSubmitted(id));
        return id;
    }

    private Optional<String> replay(String apiKeyId, SubmitOptions options) {
        if (options.idempotencyKey() == null) {
            return Optional.empty();
        }
        return idempotency.replay(IdempotencyScope.TASK_SUBMIT, apiKeyId, options.idempotencyKey(),
                options.requestFingerprint());
    }

    /** A combination the routed engine cannot render is refused now (422 naming the field), not failed later. */
    private void requireEngineCapable(String engine, TaskKind kind, TaskInput in) {
        try {
            checkCapable(engine, kind, in);
        } catch (UnsupportedInputException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    private void checkCapable(String engine, TaskKind kind, TaskInput in) {
        EngineJob job = EngineJobMapper.jobFor(null, kind, in).build();
        capabilities.stream().filter(c -> c.engine().equals(engine)).forEach(c -> c.check(job));
    }

    /** A callback URL the outbound guard would refuse is refused now, not discovered after the task ran. */
    private void requireAllowedCallback(String callBackUrl) {
        if (callBackUrl == null) {
            return;
        }
        try {
            outboundGuard.check(URI.create(callBackUrl));
        } catch (OutboundRefusedException e) {
            throw new InvalidRequestException("callBackUrl", "callBackUrl is not allowed: " + e.getMessage());
        }
    }
}
