package io.reelgate.server.task;

import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.infra.DbTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every task state change, each one conditional UPDATE that names the state it expects (and the lease owner where
 * one holds it). {@code true} means this caller won the move; {@code false} means another worker, node or sweep
 * got there first, which is normal under concurrency. More than one row is a bug. Each won move logs one line.
 */
@Component
public class TaskTransitions {

    private static final Logger log = LoggerFactory.getLogger(TaskTransitions.class);
    /** Cancellation is the client's own doing: the documented client-side failure code. */
    public static final int CANCEL_FAIL_CODE = 400;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TaskRepository tasks;
    private final ObjectProvider<TaskTerminalListener> terminalListeners;
    private final ApplicationEventPublisher events;
    private final DatabaseKind database;

    public TaskTransitions(JdbcClient jdbc, TransactionTemplate tx, TaskRepository tasks,
                           ObjectProvider<TaskTerminalListener> terminalListeners, ApplicationEventPublisher events,
                           DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
        this.tx = tx;
        this.tasks = tasks;
        this.terminalListeners = terminalListeners;
        this.events = events;
    }

    public boolean admit(String id, Instant now) {
        int rows = jdbc.sql("UPDATE task SET state = 'queueing', queued_at = :now WHERE id = :id AND state = 'wait'")
                .param("id", id)
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.WAIT, TaskState.QUEUEING, null);
    }

    public boolean claim(String id, String owner, Instant leaseUntil, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET state = 'generating', lease_owner = :owner, lease_until = :leaseUntil,
                                started_at = :now, attempts = attempts + 1, progress = 0
                WHERE id = :id AND state = 'queueing'
                """)
                .param("id", id)
                .param("owner", owner)
                .param("leaseUntil", DbTime.of(leaseUntil))
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.QUEUEING, TaskState.GENERATING, null);
    }

    /**
     * Claims the oldest queued task of one of {@code engines} for {@code owner}. On PostgreSQL one statement picks
     * and locks the row with {@code FOR UPDATE SKIP LOCKED}, so nodes never queue up behind each other's picks; on
     * other databases candidates are read and claimed one by one with the guarded UPDATE of {@link #claim}.
     */
    public Optional<String> claimNext(String owner, Instant leaseUntil, Instant now, Collection<String> engines,
                                      int candidates) {
        if (engines.isEmpty()) {
            return Optional.empty();
        }
        if (database.isPostgres()) {
            Optional<String> claimed = jdbc.sql("""
                    UPDATE task SET state = 'generating', lease_owner = :owner, lease_until = :leaseUntil,
                                    started_at = :now, attempts = attempts + 1, progress = 0
                    WHERE id = (SELECT id FROM task WHERE state = 'queueing' AND engine IN (:engines)
                                ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """)
                    .param("owner", owner)
                    .param("leaseUntil", DbTime.of(leaseUntil))
                    .param("now", DbTime.of(now))
                    .param("engines", List.copyOf(engines))
                    .query(String.class)
                    .optional();
            claimed.ifPresent(id -> published(1, id, TaskState.QUEUEING, TaskState.GENERATING, null));
            return claimed;
        }
        for (String id : tasks.nextQueued(engines, candidates)) {
            if (claim(id, owner, leaseUntil, now)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Heartbeat: extends the lease only while this owner still holds the task. */
    public boolean renewLease(String id, String owner, Instant leaseUntil) {
        int rows = jdbc.sql("""
                UPDATE task SET lease_until = :leaseUntil WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", id)
                .param("owner", owner)
                .param("leaseUntil", DbTime.of(leaseUntil))
                .update();
        return single(rows, id);
    }

    public void reportProgress(Task task, String owner, int percent) {
        int rows = jdbc.sql("""
                UPDATE task SET progress = :progress WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", task.id())
                .param("owner", owner)
                .param("progress", percent)
                .update();
        if (single(rows, task.id())) {
            events.publishEvent(new TaskProgressed(task.id(), task.apiKeyId(), TaskLabel.of(task), percent));
        }
    }

    /**
     * Ends an unfinished task on its owner's request (or its deadline), whoever runs it: the row moves to
     * {@code fail} at once, with refund and callback; a node still rendering it finds out and discards its work.
     */
    public boolean cancel(String id, TaskState expected, String failMsg, Instant now) {
        return terminal(id, expected, TaskState.FAIL, failMsg, () -> jdbc.sql("""
                UPDATE task SET state = 'fail', finished_at = :now, fail_code = :failCode, fail_msg = :failMsg,
                                run_files_pending = attempts > 0,
                                lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND state = :expected
                """)
                .param("id", id)
                .param("expected", expected.wire())
                .param("now", DbTime.of(now))
                .param("failCode", CANCEL_FAIL_CODE)
                .param("failMsg", truncate(failMsg))
                .update());
    }

    /** Completes a run; refused when the lease was lost meanwhile, so a task never completes twice. */
    public boolean succeed(String id, String owner, TaskOutput output, Instant now) {
        return terminal(id, TaskState.GENERATING, TaskState.SUCCESS, null, () -> jdbc.sql("""
                UPDATE task SET state = 'success', finished_at = :now, progress = 100, lease_owner = NULL,
                                lease_until = NULL, video_id = :videoId, video_key = :videoKey, cover_key = :coverKey,
                                start_frame_key = :startFrameKey,
                                width = :width, height = :height, expires_at = :expiresAt
                WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", id)
                .param("owner", owner)
                .param("now", DbTime.of(now))
                .param("videoId", output.videoId())
                .param("videoKey", output.videoKey())
                .param("coverKey", output.coverKey())
                .param("startFrameKey", output.startFrameKey())
                .param("width", output.width())
                .param("height", output.height())
                .param("expiresAt", DbTime.of(output.expiresAt()))
                .update());
    }

    /** Fails a running task held by {@code owner}. */
    public boolean failRunning(String id, String owner, int failCode, String failMsg, Instant now) {
        return terminal(id, TaskState.GENERATING, TaskState.FAIL, failMsg, () -> jdbc.sql("""
                UPDATE task SET state = 'fail', finished_at = :now, fail_code = :failCode, fail_msg = :failMsg,
                                run_files_pending = attempts > 0,
                                lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", id)
                .param("owner", owner)
                .param("now", DbTime.of(now))
                .param("failCode", failCode)
                .param("failMsg", truncate(failMsg))
                .update());
    }

    /**
     * Crash recovery: hands a task whose lease ran out back to the queue. Guarded by the lease expiry so a node that
     * renewed in the meantime keeps it.
     */
    public boolean requeueExpired(String id, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET state = 'queueing', lease_owner = NULL, lease_until = NULL, queued_at = :now
                WHERE id = :id AND state = 'generating' AND lease_until < :now
                """)
                .param("id", id)
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.GENERATING, TaskState.QUEUEING, "lease expired");
    }

    /** Crash recovery giving up: the task's lease expired and it has used all its attempts. */
    public boolean failExpired(String id, int failCode, String failMsg, Instant now) {
        return terminal(id, TaskState.GENERATING, TaskState.FAIL, failMsg, () -> jdbc.sql("""
                UPDATE task SET state = 'fail', finished_at = :now, fail_code = :failCode, fail_msg = :failMsg,
                                run_files_pending = attempts > 0,
                                lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND state = 'generating' AND lease_until < :now
                """)
                .param("id", id)
                .param("now", DbTime.of(now))
                .param("failCode", failCode)
                .param("failMsg", truncate(failMsg))
                .update());
    }

    /** Crash recovery on start-up: leases held under this node's id belong to a previous, dead incarnation. */
    public boolean requeueOwned(String id, String owner, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET state = 'queueing', lease_owner = NULL, lease_until = NULL, queued_at = :now
                WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", id)
                .param("owner", owner)
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.GENERATING, TaskState.QUEUEING, "node restarted");
    }

    /**
     * Failover: an engine failed the task with a transient error and the routing names a next engine; the task is
     * queued again for that engine instead of failing. Guarded by the owner, like every move of a running task.
     */
    public boolean reroute(String id, String owner, String nextEngine, String reason, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET state = 'queueing', engine = :engine, lease_owner = NULL, lease_until = NULL,
                                queued_at = :now, progress = 0
                WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("id", id)
                .param("owner", owner)
                .param("engine", nextEngine)
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.GENERATING, TaskState.QUEUEING, "failover to engine " + nextEngine + " (" + reason + ")");
    }

    /**
     * The upstream lost a parked task (its server restarted or vanished): the task goes back to the queue for the same
     * engine and is submitted afresh. Not terminal, so nothing is refunded or charged again. Guarded by the parked
     * marker, so only a poller that still holds the task moves it.
     */
    public boolean requeueLostUpstream(String id, String reason, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET state = 'queueing', lease_owner = NULL, lease_until = NULL, queued_at = :now,
                                progress = 0, upstream_id = NULL, upstream_status = NULL, next_poll_at = NULL
                WHERE id = :id AND state = 'generating' AND lease_owner = :marker
                """)
                .param("id", id)
                .param("marker", UpstreamTracking.OWNER)
                .param("now", DbTime.of(now))
                .update();
        return published(rows, id, TaskState.GENERATING, TaskState.QUEUEING, "upstream lost the task (" + reason
                + "); submitting it again");
    }

    /** Retention: the result files are gone; the record stays readable with expireFlag 1. */
    public boolean markExpired(String id) {
        int rows = jdbc.sql("UPDATE task SET expire_flag = 1 WHERE id = :id AND expire_flag = 0")
                .param("id", id)
                .update();
        boolean won = single(rows, id);
        if (won) {
            log.info("Task {} result expired", id);
        }
        return won;
    }

    /**
     * A move into {@code success} or {@code fail}: the UPDATE and every terminal listener's writes commit together;
     * the log line follows the commit.
     */
    private boolean terminal(String id, TaskState from, TaskState to, String reason, IntSupplier update) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("Task " + id + " cannot move from " + from.wire() + " to " + to.wire());
        }
        Task ended = tx.execute(status -> {
            if (!single(update.getAsInt(), id)) {
                return null;
            }
            Task task = tasks.findById(id).orElseThrow();
            terminalListeners.orderedStream().forEach(listener -> listener.onTerminal(task));
            return task;
        });
        if (ended == null) {
            return logged(0, id, from, to, reason);
        }
        try (TaskLogFields fields = TaskLogFields.of(ended)) {
            logged(1, id, from, to, reason);
        }
        events.publishEvent(new TaskChanged(ended));
        return true;
    }

    /** A won non-terminal move is also announced, with the row as it is now (read first: its fields go in the log). */
    private boolean published(int rows, String id, TaskState from, TaskState to, String reason) {
        Optional<Task> task = rows == 1 ? tasks.findById(id) : Optional.empty();
        if (task.isEmpty()) {
            return logged(rows, id, from, to, reason);
        }
        try (TaskLogFields fields = TaskLogFields.of(task.get())) {
            logged(rows, id, from, to, reason);
        }
        events.publishEvent(new TaskChanged(task.get()));
        return true;
    }

    private static boolean logged(int rows, String id, TaskState from, TaskState to, String reason) {
        boolean won = single(rows, id);
        if (won && reason != null) {
            log.info("Task {} {} -> {}: {}", id, from.wire(), to.wire(), reason);
        } else if (won) {
            log.info("Task {} {} -> {}", id, from.wire(), to.wire());
        } else {
            log.debug("Task {} {} -> {} lost to a concurrent change", id, from.wire(), to.wire());
        }
        return won;
    }

    private static boolean single(int rows, String id) {
        if (rows > 1) {
            throw new IllegalStateException("Update of task " + id + " changed " + rows + " rows");
        }
        return rows == 1;
    }

    private static String truncate(String message) {
        return message != null && message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
