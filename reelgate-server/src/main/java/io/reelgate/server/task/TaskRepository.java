package io.reelgate.server.task;

import io.reelgate.server.infra.DbTime;
import io.reelgate.server.infra.SqlStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and inserts tasks. Every state change lives in {@link TaskTransitions}, which guards each UPDATE with the
 * expected current state.
 */
@Repository
public class TaskRepository {

    private static final String COLUMNS = """
            id, api_key_id, kind, parent_task_id, engine, state, prompt, image_url, aspect_ratio, quality, duration,
            water_mark, call_back_url, model, expand_prompt, video_url, seed, reference_image, upload_cn, params_json,
            last_frame_url, reference_image_urls, output_size, fps, cost, created_at, deadline_at, trace_parent,
            dialect, model_input, route_engines""";
    private static final String VALUES = """
            :id, :apiKeyId, :kind, :parentTaskId, :engine, 'wait', :prompt, :imageUrl, :aspectRatio, :quality,
            :duration, :waterMark, :callBackUrl, :model, :expandPrompt, :videoUrl, :seed, :referenceImage, :uploadCn,
            :paramsJson, :lastFrameUrl, :referenceImageUrls, :size, :fps, :cost, :createdAt, :deadlineAt,
            :traceParent, :dialect, :modelInput, :routeEngines""";

    private final JdbcClient jdbc;

    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewTask task) {
        SqlStatement insert = insertStatement(task, "VALUES (" + VALUES + ")");
        int rows = jdbc.sql(insert.sql()).params(insert.params()).update();
        if (rows != 1) {
            throw new IllegalStateException("Inserting task " + task.id() + " changed " + rows + " rows");
        }
    }

    /**
     * The INSERT of a submitted task that takes its row from {@code source}, a relation of the statement it joins: it
     * writes the task only when {@code source} has a row ({@link TaskSubmitWrites}: the charge that succeeded).
     */
    SqlStatement insertFrom(NewTask task, String source) {
        return insertStatement(task, "SELECT " + VALUES + " FROM " + source);
    }

    private static SqlStatement insertStatement(NewTask task, String rows) {
        TaskInput in = task.input();
        return SqlStatement.of("INSERT INTO task (" + COLUMNS + ") " + rows,
                "id", task.id(), "apiKeyId", task.apiKeyId(), "kind", task.kind().name(), "parentTaskId", task.parentTaskId(), "engine", task.engine(), "prompt", in.prompt(),
                "imageUrl", in.imageUrl(), "aspectRatio", in.aspectRatio(), "quality", in.quality(),
                "duration", in.duration(), "waterMark", in.waterMark(), "callBackUrl", in.callBackUrl(),
                "model", in.model(), "expandPrompt", in.expandPrompt(), "videoUrl", in.videoUrl(), "seed", in.seed(),
                "referenceImage", in.referenceImage(), "uploadCn", in.uploadCn(), "paramsJson", in.paramsJson(),
                "lastFrameUrl", in.lastFrameUrl(), "referenceImageUrls", ReferenceImageUrls.write(in.referenceImageUrls()),
                "size", in.size(), "fps", in.fps(), "traceParent", task.traceParent(), "dialect", task.dialect(),
                "modelInput", in.modelInputJson(), "routeEngines", RouteEngines.write(task.routeEngines()),
                "cost", task.cost(), "createdAt", DbTime.of(task.createdAt()),
                "deadlineAt", DbTime.of(task.deadlineAt()));
    }

    public Optional<Task> findById(String id) {
        return jdbc.sql("SELECT * FROM task WHERE id = :id").param("id", id).query(TaskRowMapper.INSTANCE).optional();
    }

    /** The polling hot path: one primary-key lookup; the owner check makes another key's task invisible. */
    public Optional<Task> findOwned(String id, String apiKeyId) {
        return jdbc.sql("SELECT * FROM task WHERE id = :id AND api_key_id = :apiKeyId")
                .param("id", id)
                .param("apiKeyId", apiKeyId)
                .query(TaskRowMapper.INSTANCE)
                .optional();
    }

    /**
     * A page of a key's tasks, newest first, walking the {@code (api_key_id, created_at)} index; {@code after} is
     * the last row of the previous page (tasks created in the same instant are ordered by id).
     */
    public List<Task> listOwned(String apiKeyId, TaskState state, TaskKind kind, Task after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM task WHERE api_key_id = :apiKeyId");
        Map<String, Object> params = new HashMap<>();
        params.put("apiKeyId", apiKeyId);
        params.put("limit", limit);
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.wire());
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (after != null) {
            sql.append(" AND (created_at < :afterCreated OR (created_at = :afterCreated AND id < :afterId))");
            params.put("afterCreated", DbTime.of(after.createdAt()));
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        return jdbc.sql(sql.toString()).params(params).query(TaskRowMapper.INSTANCE).list();
    }

    /**
     * A page of the tasks one dialect accepted for a key, by creation time in either direction; {@code after} is the
     * last row of the previous page (tasks created in the same instant are ordered by id).
     */
    public List<Task> listInDialect(String apiKeyId, String dialect, Task after, int limit, boolean ascending) {
        StringBuilder sql = new StringBuilder("SELECT * FROM task WHERE api_key_id = :apiKeyId AND dialect = :dialect");
        Map<String, Object> params = new HashMap<>();
        params.put("apiKeyId", apiKeyId);
        params.put("dialect", dialect);
        params.put("limit", limit);
        String beyond = ascending ? ">" : "<";
        if (after != null) {
            sql.append(" AND (created_at ").append(beyond).append(" :afterCreated OR (created_at = :afterCreated AND id ")
                    .append(beyond).append(" :afterId))");
            params.put("afterCreated", DbTime.of(after.createdAt()));
            params.put("afterId", after.id());
        }
        String order = ascending ? "ASC" : "DESC";
        sql.append(" ORDER BY created_at ").append(order).append(", id ").append(order).append(" LIMIT :limit");
        return jdbc.sql(sql.toString()).params(params).query(TaskRowMapper.INSTANCE).list();
    }

    /** Removes a finished task's row; its ledger entries and callback deliveries stay as history. */
    public boolean deleteFinished(String id) {
        return jdbc.sql("DELETE FROM task WHERE id = :id AND state IN ('success', 'fail')").param("id", id).update() == 1;
    }

    public List<String> idsInState(TaskState state, int limit) {
        return jdbc.sql("SELECT id FROM task WHERE state = :state ORDER BY created_at, id LIMIT :limit")
                .param("state", state.wire())
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Oldest queued first, so work is done in submission order. */
    public List<String> nextQueued(Collection<String> engines, int limit) {
        return jdbc.sql("""
                SELECT id FROM task WHERE state = 'queueing' AND engine IN (:engines) ORDER BY queued_at, id LIMIT :limit
                """)
                .param("engines", List.copyOf(engines))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Tasks whose worker stopped renewing its lease. Tasks parked upstream ({@link UpstreamTracking}) have no lease
     * expiry ({@code lease_until} NULL) and are never among them: their pollers track them instead.
     */
    public List<String> leasesExpiredBefore(Instant now, int limit) {
        return timeBounded("""
                SELECT id FROM task WHERE state = 'generating' AND lease_until > :floor AND lease_until < :now
                ORDER BY lease_until LIMIT :limit
                """, now, limit)
                .query(String.class)
                .list();
    }

    public List<String> leasedBy(String owner) {
        return jdbc.sql("SELECT id FROM task WHERE state = 'generating' AND lease_owner = :owner")
                .param("owner", owner)
                .query(String.class)
                .list();
    }

    public List<Task> resultsExpiredBefore(Instant now, int limit) {
        return timeBounded("""
                SELECT * FROM task WHERE expire_flag = 0 AND expires_at > :floor AND expires_at < :now
                ORDER BY expires_at LIMIT :limit
                """, now, limit)
                .query(TaskRowMapper.INSTANCE)
                .list();
    }

    /**
     * Failed tasks whose result folder may still hold a run's files, failed before {@code before}: the node that failed
     * them died, or the store did not answer, before the folder was emptied (docs/reliability.md).
     */
    public List<Task> failedWithRunFilesBefore(Instant before, int limit) {
        return timeBounded("""
                SELECT * FROM task WHERE run_files_pending = TRUE AND finished_at > :floor AND finished_at < :now
                ORDER BY finished_at LIMIT :limit
                """, before, limit)
                .query(TaskRowMapper.INSTANCE)
                .list();
    }

    /** The task's result folder was emptied after it failed. */
    public void runFilesRemoved(String id) {
        jdbc.sql("UPDATE task SET run_files_pending = FALSE WHERE id = :id").param("id", id).update();
    }

    /** Unfinished tasks whose client-set deadline passed (the floor: see {@link DbTime#FLOOR}). */
    public List<Task> pastDeadline(Instant now, int limit) {
        return timeBounded("""
                SELECT * FROM task WHERE deadline_at > :floor AND deadline_at < :now
                                   AND state IN ('wait', 'queueing', 'generating')
                ORDER BY deadline_at LIMIT :limit
                """, now, limit)
                .query(TaskRowMapper.INSTANCE)
                .list();
    }

    /** Tasks ahead of this one in the queue (all waiting tasks, and queued ones admitted earlier). */
    public int queuePosition(Task task) {
        if (task.state() == TaskState.WAIT) {
            return jdbc.sql("""
                    SELECT (SELECT COUNT(*) FROM task WHERE state = 'queueing')
                         + (SELECT COUNT(*) FROM task WHERE state = 'wait' AND created_at < :createdAt)
                    """)
                    .param("createdAt", DbTime.of(task.createdAt()))
                    .query(Integer.class)
                    .single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE state = 'queueing' AND queued_at < :queuedAt")
                .param("queuedAt", DbTime.of(task.queuedAt()))
                .query(Integer.class)
                .single();
    }

    /** Generating tasks per engine, cluster-wide (index on state, engine), for per-engine concurrency limits. */
    public Map<String, Integer> generatingPerEngine() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT engine, COUNT(*) AS n FROM task WHERE state = 'generating' GROUP BY engine")
                .query(rs -> {
                    counts.put(rs.getString("engine"), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * A sweep's query over a time column: {@code :floor} (see {@link DbTime#FLOOR}) and {@code :now} bound it, and
     * {@code :limit} caps the batch.
     */
    private JdbcClient.StatementSpec timeBounded(String sql, Instant now, int limit) {
        return jdbc.sql(sql).param("floor", DbTime.FLOOR).param("now", DbTime.of(now)).param("limit", limit);
    }
}
