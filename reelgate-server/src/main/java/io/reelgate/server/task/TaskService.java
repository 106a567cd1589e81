package io.reelgate.server.task;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.account.InsufficientCreditsException;
import io.reelgate.server.fetch.OutboundGuard;
import io.reelgate.server.fetch.OutboundRefusedException;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accepts tasks and answers for them; the dispatcher takes it from there. */
@Service
public class TaskService {

    /** KIE documents no extension length; Runway's extensions add 5 seconds, and so do ours. */
    public static final int EXTEND_SECONDS = 5;
    /** Aleph processes at most the first 5 seconds of the source (spec §6). */
    public static final int ALEPH_SECONDS = 5;
    private static final Set<TaskKind> RUNWAY_KINDS = Set.of(TaskKind.GENERATE, TaskKind.EXTEND);
    private static final Set<TaskKind> ALEPH_KINDS = Set.of(TaskKind.ALEPH);

    private final TaskRepository tasks;
    private final TaskPricing pricing;
    private final OutboundGuard outboundGuard;
    private final CreditLedger ledger;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultEngine;

    public TaskService(TaskRepository tasks, TaskPricing pricing, OutboundGuard outboundGuard, CreditLedger ledger,
                       TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
                       @Value("${reelgate.engine.default:preview}") String defaultEngine) {
        this.tasks = tasks;
        this.pricing = pricing;
        this.outboundGuard = outboundGuard;
        this.ledger = ledger;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.defaultEngine = defaultEngine;
    }

    public String submitGenerate(String apiKeyId, GenerateRequest r) {
        return submit(apiKeyId, TaskKind.GENERATE, null, new TaskInput(r.prompt(), r.imageUrl(), r.aspectRatio(),
                r.quality(), r.duration(), r.waterMark(), r.callBackUrl(), r.model(), r.expandPrompt(), null, null, null,
                false, null));
    }

    /**
     * Extends a finished video of the same key. Another key's task, and an Aleph task, answer exactly like a
     * missing one; a task that is not {@code success} or whose files expired cannot be extended.
     */
    public String submitExtend(String apiKeyId, ExtendRequest r) {
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
                r.quality(), EXTEND_SECONDS, r.waterMark(), r.callBackUrl(), null, false, null, null, null, false, null));
    }

    public String submitAleph(String apiKeyId, AlephRequest r) {
        return submit(apiKeyId, TaskKind.ALEPH, null, new TaskInput(r.prompt(), null, r.aspectRatio(), null,
                ALEPH_SECONDS, r.waterMark(), r.callBackUrl(), null, false, r.videoUrl(), r.seed(), r.referenceImage(),
                r.uploadCn(), r.paramsJson()));
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

    /** A generate or extend task of this key (what record-detail may show). */
    public Task findRunway(String apiKeyId, String taskId) {
        return find(apiKeyId, taskId, RUNWAY_KINDS);
    }

    /** An Aleph task of this key (what record-info may show). */
    public Task findAleph(String apiKeyId, String taskId) {
        return find(apiKeyId, taskId, ALEPH_KINDS);
    }

    private Task find(String apiKeyId, String taskId, Set<TaskKind> kinds) {
        return tasks.findOwned(taskId, apiKeyId)
                .filter(task -> kinds.contains(task.kind()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /** Inserts the task and charges its cost in one transaction: both happen, or (too few credits) neither. */
    private String submit(String apiKeyId, TaskKind kind, String parentTaskId, TaskInput input) {
        requireAllowedCallback(input.callBackUrl());
        String id = UUID.randomUUID().toString();
        long cost = pricing.costOf(kind, input);
        tx.executeWithoutResult(status -> {
            tasks.insert(new NewTask(id, apiKeyId, kind, parentTaskId, defaultEngine, input, cost, clock.instant()));
            if (cost > 0 && !ledger.charge(apiKeyId, id, cost, clock.instant())) {
                throw new InsufficientCreditsException(cost, ledger.balance(apiKeyId));
            }
        });
        events.publishEvent(new TaskSubmitted(id));
        return id;
    }
}
