package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.InsufficientCreditsException;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts tasks and answers for them; the dispatcher takes it from there. */
@Service
public class TaskService {

    /** KIE documents no extension length; Runway's extensions add 5 seconds, and so do ours. */
    public static final int EXTEND_SECONDS = 5;
    /** Aleph processes at most the first 5 seconds of the source (docs/kie-contract.md, "Aleph generate"). */
    public static final int ALEPH_SECONDS = 5;
    private static final Set<TaskKind> RUNWAY_KINDS = Set.of(TaskKind.GENERATE, TaskKind.EXTEND);
    private static final Set<TaskKind> ALEPH_KINDS = Set.of(TaskKind.ALEPH);

    private final TaskRepository tasks;
    private final TaskPricing pricing;
    private final OutboundGuard outboundGuard;
    private final CreditLedger ledger;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EngineRouting routing;
    private final List<EngineCapabilities> capabilities;
    private final TaskTracing tracing;

    /** Every task to one engine, without capability checks (tests that need no routing). */
    public TaskService(TaskRepository tasks, TaskPricing pricing, OutboundGuard outboundGuard, CreditLedger ledger,
                       IdempotencyStore idempotency, TransactionTemplate tx, ApplicationEventPublisher events,
                       Clock clock, String defaultEngine) {
        this(tasks, pricing, outboundGuard, ledger, idempotency, tx, events, clock, EngineRouting.fixed(defaultEngine),
                List.of(), TaskTracing.NOOP);
    }

    @Autowired
    public TaskService(TaskRepository tasks, TaskPricing pricing, OutboundGuard outboundGuard, CreditLedger ledger,
                       IdempotencyStore idempotency, TransactionTemplate tx, ApplicationEventPublisher events,
                       Clock clock, EngineRouting routing, ObjectProvider<EngineCapabilities> capabilities,
                       TaskTracing tracing) {
        this(tasks, pricing, outboundGuard, ledger, idempotency, tx, events, clock, routing,
                capabilities.orderedStream().toList(), tracing);
    }

    private TaskService(TaskRepository tasks, TaskPricing pricing, OutboundGuard outboundGuard, CreditLedger ledger,
                        IdempotencyStore idempotency, TransactionTemplate tx, ApplicationEventPublisher events,
                        Clock clock, EngineRouting routing, List<EngineCapabilities> capabilities,
                        TaskTracing tracing) {
        this.tracing = tracing;
        this.tasks = tasks;
        this.pricing = pricing;
        this.outboundGuard = outboundGuard;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.capabilities = capabilities;
    }

    public String submitGenerate(String apiKeyId, GenerateRequest r, SubmitOptions options) {
        return submit(apiKeyId, TaskKind.GENERATE, null, new TaskInput(r.prompt(), r.imageUrl(), r.aspectRatio(),
                r.quality(), r.duration(), r.waterMark(), r.callBackUrl(), r.model(), r.expandPrompt(), null, null, null,
                false, null), options);
    }

    public String submitGenerate(String apiKeyId, GenerateRequest r) {
        return submitGenerate(apiKeyId, r, SubmitOptions.NONE);
    }

    /**
     * Extends a finished video of the same key. Another key's task, and an Aleph task, answer exactly like a
     * missing one; a task that is not {@code success} or whose files expired cannot be extended.
     */
    public String submitExtend(String apiKeyId, ExtendRequest r, SubmitOptions options) {
        Task parent = findRunway(apiKeyId, r.taskId());
        if (parent.state() != TaskState.SUCCESS) {
            throw new InvalidRequestException("taskId", "Task " + parent.id() + " cannot be extended: its state is "
                    + parent.state().wire() + "; only a success task can be extended");
        }
        if (parent.expired()) {
            throw new InvalidRequestException("taskId",
                    "Task " + parent.id() + " cannot be extended: its video has expired (expireFlag 1)");
        }
        return submit(apiKeyId, TaskKind.EXTEND, parent.id(), new TaskInput(r.prompt(), null, parent.input().aspectRatio(),
                r.quality(), EXTEND_SECONDS, r.waterMark(), r.callBackUrl(), null, false, null, null, null, false, null),
                options);
    }

    public String submitAleph(String apiKeyId, AlephRequest r, SubmitOptions options) {
        return submit(apiKeyId, TaskKind.ALEPH, null, new TaskInput(r.prompt(), null, r.aspectRatio(), null,
                ALEPH_SECONDS, r.waterMark(), r.callBackUrl(), null, false, r.videoUrl(), r.seed(), r.referenceImage(),
                r.uploadCn(), r.paramsJson()), options);
    }

    /** A generate or extend task of this key (what record-detail may show). */
    public Task findRunway(String apiKeyId, String taskId) {
        return find(apiKeyId, taskId, RUNWAY_KINDS);
    }

    /** An Aleph task of this key (what record-info may show). */
    public Task findAleph(String apiKeyId, String taskId) {
        return find(apiKeyId, taskId, ALEPH_KINDS);
    }

    /** Any task of this key (the Reelgate task view). */
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

    private Task find(String apiKeyId, String taskId, Set<TaskKind> kinds) {
        return tasks.findOwned(taskId, apiKeyId)
                .filter(task -> kinds.contains(task.kind()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    private String submit(String apiKeyId, TaskKind kind, String parentTaskId, TaskInput input, SubmitOptions options) {
        requireAllowedCallback(input.callBackUrl());
        try {
            return submitOnce(apiKeyId, kind, parentTaskId, input, options);
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same Idempotency-Key committed first: our transaction rolled back,
            // and its answer is now ours to replay
            return replay(apiKeyId, options).orElseThrow(() -> e);
        }
    }

    /**
     * Inserts the task, charges its cost and records the Idempotency-Key in one transaction: all happen, or
     * (too few credits, a concurrent duplicate) none.
     */
    private String submitOnce(String apiKeyId, TaskKind kind, String parentTaskId, TaskInput input, SubmitOptions options) {
        Optional<String> replayed = replay(apiKeyId, options);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        String engine = routing.engineFor(kind, input.model());
        requireEngineCapable(engine, kind, input);
        String id = UUID.randomUUID().toString();
        try (TaskSpan span = tracing.submit(id, apiKeyId, kind, engine, input.model())) {
            return insert(new NewTask(id, apiKeyId, kind, parentTaskId, engine, input, pricing.costOf(kind, input),
                    clock.instant(), null, span.traceParent()), options);
        }
    }

    private String insert(NewTask submitted, SubmitOptions options) {
        String id = submitted.id();
        String apiKeyId = submitted.apiKeyId();
        long cost = submitted.cost();
        Instant now = submitted.createdAt();
        Instant deadline = options.deadline() == null ? null : now.plus(options.deadline());
        NewTask task = new NewTask(id, apiKeyId, submitted.kind(), submitted.parentTaskId(), submitted.engine(),
                submitted.input(), cost, now, deadline, submitted.traceParent());
        tx.executeWithoutResult(status -> {
            tasks.insert(task);
            if (cost > 0 && !ledger.charge(apiKeyId, id, cost, now)) {
                throw new InsufficientCreditsException(cost, ledger.balance(apiKeyId));
            }
            if (options.idempotencyKey() != null) {
                idempotency.insert(IdempotencyScope.TASK_SUBMIT, apiKeyId, options.idempotencyKey(),
                        options.requestFingerprint(), id);
            }
            announceBeforeCommit(task);
        });
        events.publishEvent(new TaskSubmitted(id));
        return id;
    }

    /**
     * The {@code wait} event is announced just before the commit: no worker can see the row earlier, so it always
     * precedes the task's later events in the stream.
     */
    private void announceBeforeCommit(NewTask task) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                events.publishEvent(new TaskChanged(Task.submitted(task)));
            }
        });
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
        EngineJob job = new EngineJob(null, EngineJob.Kind.valueOf(kind.name()), in.prompt(), in.imageUrl(),
                in.aspectRatio(), in.quality(), in.duration() == null ? EXTEND_SECONDS : in.duration(), in.waterMark(),
                null, in.videoUrl(), in.seed(), in.referenceImage(), null);
        try {
            capabilities.stream().filter(c -> c.engine().equals(engine)).forEach(c -> c.check(job));
        } catch (UnsupportedInputException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
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
