package io.reelgate.server.task;

import io.reelgate.server.infra.DbTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Operator read models over the task table: how many unfinished tasks each engine has per state, and the most
 * recent failures. Both are range scans of the {@code (state, …)} indexes of the task table; failures look back a
 * bounded window so their sort stays small.
 */
@Repository
public class TaskStats {

    /**
     * Unfinished tasks of one engine in one state ({@code wait}, {@code queueing} or {@code generating}).
     *
     * @param oldestSince when the longest-waiting of them entered the state (null when unknown), for stuck-task alerts
     */
    public record EngineStateCount(String engine, String state, long count, Instant oldestSince) {
    }

    /** The most overdue poll of an engine's parked upstream tasks: when it was due. */
    public record OverduePoll(String engine, Instant dueAt) {
    }

    /** A task that ended in {@code fail}, with why, and its trace id (null when untraced) to open its trace. */
    public record Failure(String taskId, String kind, String engine, Integer failCode, String failMsg, Instant createdAt,
                          Instant finishedAt, int attempts, String traceId) {
    }

    /** How far back "recent" failures go. */
    static final Duration FAILURE_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<EngineStateCount> unfinishedByEngine() {
        return jdbc.sql("""
                SELECT engine, state, COUNT(*) AS n,
                       MIN(CASE state WHEN 'wait' THEN created_at WHEN 'queueing' THEN queued_at ELSE started_at END)
                           AS oldest
                FROM task
                WHERE state IN ('wait', 'queueing', 'generating')
                GROUP BY engine, state
                """)
                .query((rs, row) -> new EngineStateCount(rs.getString("engine"), rs.getString("state"), rs.getLong("n"),
                        DbTime.read(rs, "oldest")))
                .list();
    }

    /**
     * Per engine, the earliest due poll among parked upstream tasks. A claimed poll's due time is pushed past the
     * claim, so only polls nobody has taken yet count: how far behind the pollers are, cluster-wide.
     */
    public List<OverduePoll> oldestDuePolls() {
        return jdbc.sql("""
                SELECT engine, MIN(next_poll_at) AS due FROM task
                WHERE state = 'generating' AND lease_owner = :marker AND next_poll_at IS NOT NULL
                GROUP BY engine
                """)
                .param("marker", UpstreamTracking.OWNER)
                .query((rs, row) -> new OverduePoll(rs.getString("engine"), DbTime.read(rs, "due")))
                .list();
    }

    public List<Failure> recentFailures(int limit) {
        return jdbc.sql("""
                SELECT id, kind, engine, fail_code, fail_msg, created_at, finished_at, attempts, trace_parent FROM task
                WHERE state = 'fail' AND created_at >= :since ORDER BY finished_at DESC, id LIMIT :limit
                """)
                .param("since", DbTime.of(clock.instant().minus(FAILURE_WINDOW)))
                .param("limit", limit)
                .query((rs, row) -> new Failure(rs.getString("id"), rs.getString("kind").toLowerCase(Locale.ROOT),
                        rs.getString("engine"), rs.getObject("fail_code", Integer.class), rs.getString("fail_msg"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "finished_at"), rs.getInt("attempts"),
                        TaskTracing.traceIdOf(rs.getString("trace_parent"))))
                .list();
    }

    /**
     * A run a hosted engine took: the provider's id and status word, its queue position, what it reported about the
     * cost, and the credits the task was charged.
     */
    public record UpstreamRun(String taskId, String engine, String model, String state, String upstreamId,
                              String upstreamStatus, Integer queuePosition, Map<String, Object> usage, long credits,
                              Instant createdAt) {
    }

    /** The latest upstream runs of the last 7 days, newest first. */
    public List<UpstreamRun> recentUpstreamRuns(int limit) {
        return jdbc.sql("""
                SELECT id, engine, model, state, upstream_id, upstream_status, upstream_queue_position, upstream_usage,
                       cost, created_at FROM task
                WHERE created_at >= :since AND upstream_id IS NOT NULL ORDER BY created_at DESC, id LIMIT :limit
                """)
                .param("since", DbTime.of(clock.instant().minus(FAILURE_WINDOW)))
                .param("limit", limit)
                .query((rs, row) -> new UpstreamRun(rs.getString("id"), rs.getString("engine"), rs.getString("model"),
                        rs.getString("state"), rs.getString("upstream_id"), rs.getString("upstream_status"),
                        rs.getObject("upstream_queue_position", Integer.class),
                        UpstreamUsage.read(rs.getString("upstream_usage")), rs.getLong("cost"),
                        DbTime.read(rs, "created_at")))
                .list();
    }
}
