package io.reelgate.server.task;

import io.reelgate.server.infra.DatabaseKind;
import io.reelgate.server.infra.DbTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks an asynchronous engine has submitted upstream. Such a task stays {@code generating} but no worker holds it:
 * {@link #park} hands it from the worker's lease to the {@link #OWNER} marker with no lease expiry, so lease
 * recovery ({@code lease_until < now}) never requeues it, which would submit (and pay for) a second upstream task.
 * Pollers on any node {@link #claimDuePolls claim} due polls in batches, bumping {@code poll_version}, so one node
 * polls a task at a time; the task's end goes through {@link TaskTransitions} with owner {@link #OWNER}, guarded by
 * state, so it ends exactly once even when two nodes race after a claim expired.
 */
@Component
public class UpstreamTracking {

    /** The lease owner of parked tasks: every node's poller may act for it. */
    public static final String OWNER = "upstream";
    private static final Logger log = LoggerFactory.getLogger(UpstreamTracking.class);

    /**
     * A parked task as the poller sees it.
     *
     * @param pollVersion the claim token: updates after a poll only apply while it is unchanged
     */
    public record Parked(String taskId, String engine, String upstreamId, String upstreamStatus, Instant upstreamSince,
                         int pollVersion, int pollErrors) {
    }

    private static final String COLUMNS =
            "id, engine, upstream_id, upstream_status, upstream_since, poll_version, poll_errors";
    private static final RowMapper<Parked> PARKED = (rs, n) -> new Parked(rs.getString("id"), rs.getString("engine"),
            rs.getString("upstream_id"), rs.getString("upstream_status"), DbTime.read(rs, "upstream_since"),
            rs.getInt("poll_version"), rs.getInt("poll_errors"));

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    public UpstreamTracking(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The worker that submitted the task lets go of it; {@code false} when it lost the task meanwhile. */
    public boolean park(String taskId, String workerOwner, String upstreamId, Instant now, Instant firstPoll) {
        int rows = jdbc.sql("""
                UPDATE task SET lease_owner = :marker, lease_until = NULL, upstream_id = :upstreamId,
                                upstream_status = 'PENDING', upstream_since = :now, next_poll_at = :firstPoll,
                                poll_errors = 0
                WHERE id = :id AND state = 'generating' AND lease_owner = :owner
                """)
                .param("marker", OWNER)
                .param("upstreamId", upstreamId)
                .param("now", DbTime.of(now))
                .param("firstPoll", DbTime.of(firstPoll))
                .param("id", taskId)
                .param("owner", workerOwner)
                .update();
        boolean won = single(rows, taskId);
        if (won) {
            log.info("Task {} submitted upstream as {}; polling", taskId, upstreamId);
        }
        return won;
    }

    /**
     * Claims up to {@code limit} due polls of these engines with one UPDATE, oldest first: pushes each next poll to
     * {@code claimUntil} (another node takes over after it if this one dies mid-poll) and bumps the version, the
     * token every later update of the poll names. On PostgreSQL the one statement picks with {@code FOR UPDATE SKIP
     * LOCKED}, so nodes never wait on each other's picks; on H2 (one node) a read picks, and the UPDATE claims only
     * those still due.
     */
    public List<Parked> claimDuePolls(Instant now, List<String> engines, Instant claimUntil, int limit) {
        if (engines.isEmpty()) {
            return List.of();
        }
        String due = "state = 'generating' AND next_poll_at <= :now AND lease_owner = :marker AND engine IN (:engines)";
        String claim = "UPDATE task SET next_poll_at = :claimUntil, poll_version = poll_version + 1";
        String oldestDue = "SELECT id FROM task WHERE " + due + " ORDER BY next_poll_at LIMIT :limit";
        List<Parked> claimed;
        if (database.isPostgres()) {
            // a materialised pick: "id IN (SELECT … LIMIT … SKIP LOCKED)" may be re-run by the planner and claim more
            claimed = jdbc.sql("WITH picked AS MATERIALIZED (" + oldestDue.replace("SELECT id ", "SELECT id AS picked ")
                            + " FOR UPDATE SKIP LOCKED) " + claim + " FROM picked WHERE task.id = picked.picked"
                            + " RETURNING " + COLUMNS)
                    .param("now", DbTime.of(now)).param("marker", OWNER).param("engines", engines)
                    .param("limit", limit).param("claimUntil", DbTime.of(claimUntil))
                    .query(PARKED).list();
        } else {
            // H2 runs "id IN (subquery)" in an UPDATE as a table scan, and its UPDATE ... LIMIT does not re-check rows
            // a concurrent claim changed: so the candidates are read first, and the claim re-checks each is still due
            List<String> candidates = jdbc.sql(oldestDue).param("now", DbTime.of(now)).param("marker", OWNER)
                    .param("engines", engines).param("limit", limit).query(String.class).list();
            claimed = candidates.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS + " FROM FINAL TABLE (" + claim
                            + " WHERE id IN (:ids) AND " + due + ")")
                    .param("ids", candidates).param("now", DbTime.of(now)).param("marker", OWNER)
                    .param("engines", engines).param("claimUntil", DbTime.of(claimUntil))
                    .query(PARKED).list();
        }
        log.trace("Claimed {} due upstream polls", claimed.size());
        return claimed;
    }

    /**
     * After a poll that found the task unfinished: records what the upstream said (its status word and, while
     * queued, the requests ahead of it) and when to ask again.
     */
    public boolean reschedule(Parked claimed, String upstreamStatus, Integer queuePosition, Instant nextPoll) {
        return update(claimed, upstreamStatus, queuePosition, nextPoll, 0);
    }

    /** After a poll that failed (429, 5xx, no connection): asks again later, counting the error for the backoff. */
    public boolean rescheduleAfterError(Parked claimed, Instant nextPoll) {
        return update(claimed, claimed.upstreamStatus(), null, nextPoll, claimed.pollErrors() + 1);
    }

    /** Records the final upstream status before the task ends, so a cancel listener knows not to cancel it again. */
    public void recordStatus(String taskId, String upstreamStatus) {
        recordEnd(taskId, upstreamStatus, null);
    }

    /**
     * Records the final upstream status and what the provider reported about the run's cost ({@code usageJson}, a
     * JSON object; the stored one is kept when {@code null}), before the task ends.
     */
    public void recordEnd(String taskId, String upstreamStatus, String usageJson) {
        jdbc.sql("""
                UPDATE task SET upstream_status = :status, upstream_queue_position = NULL,
                                upstream_usage = COALESCE(:usage, upstream_usage)
                WHERE id = :id
                """)
                .param("status", upstreamStatus)
                .param("usage", usageJson)
                .param("id", taskId)
                .update();
    }

    /** The upstream status word a parked task shows while its result is being brought home. */
    public static final String COLLECTING = "COLLECTING";

    /**
     * A provider reported (by webhook) that the task's upstream run changed: the task is made due at once, and the
     * version bump voids a poll in flight (which would otherwise schedule the next poll a long interval away). A
     * task whose result is being collected, or that has ended, is left alone, so a duplicate or late webhook changes
     * nothing. {@code false} when nothing was nudged.
     */
    public boolean nudge(String taskId, String engine, String upstreamId, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET next_poll_at = :now, poll_version = poll_version + 1
                WHERE id = :id AND state = 'generating' AND lease_owner = :marker AND engine = :engine
                  AND upstream_id = :upstreamId AND (upstream_status IS NULL OR upstream_status <> :collecting)
                """)
                .param("now", DbTime.of(now))
                .param("id", taskId)
                .param("marker", OWNER)
                .param("engine", engine)
                .param("upstreamId", upstreamId)
                .param("collecting", COLLECTING)
                .update();
        return single(rows, taskId);
    }

    /** Upstream ids of the engine's tasks still generating upstream, on every node. */
    public List<String> inFlightIds(String engine) {
        return jdbc.sql("""
                SELECT upstream_id FROM task
                WHERE state = 'generating' AND engine = :engine AND lease_owner = :marker AND upstream_id IS NOT NULL
                """)
                .param("engine", engine)
                .param("marker", OWNER)
                .query(String.class)
                .list();
    }

    /** The upstream id and last status of a task, if it was ever submitted upstream. */
    public Optional<Parked> find(String taskId) {
        return jdbc.sql("""
                SELECT id, engine, upstream_id, upstream_status, upstream_since, poll_version, poll_errors FROM task
                WHERE id = :id AND upstream_id IS NOT NULL
                """)
                .param("id", taskId)
                .query(PARKED)
                .optional();
    }

    private boolean update(Parked claimed, String upstreamStatus, Integer queuePosition, Instant nextPoll,
                           int pollErrors) {
        int rows = jdbc.sql("""
                UPDATE task SET next_poll_at = :nextPoll, upstream_status = :status, poll_errors = :errors,
                                upstream_queue_position = :queuePosition
                WHERE id = :id AND state = 'generating' AND poll_version = :version
                """)
                .param("nextPoll", DbTime.of(nextPoll))
                .param("status", upstreamStatus)
                .param("queuePosition", queuePosition)
                .param("errors", pollErrors)
                .param("id", claimed.taskId())
                .param("version", claimed.pollVersion())
                .update();
        return single(rows, claimed.taskId());
    }

    private static boolean single(int rows, String id) {
        if (rows > 1) {
            throw new IllegalStateException("Update of task " + id + " changed " + rows + " rows");
        }
        return rows == 1;
    }
}
