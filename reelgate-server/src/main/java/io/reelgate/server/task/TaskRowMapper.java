package io.reelgate.server.task;

import io.reelgate.server.infra.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

final class TaskRowMapper implements RowMapper<Task> {

    static final TaskRowMapper INSTANCE = new TaskRowMapper();

    @Override
    public Task mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Task(
                rs.getString("id"),
                rs.getString("api_key_id"),
                TaskKind.valueOf(rs.getString("kind")),
                rs.getString("parent_task_id"),
                rs.getString("engine"),
                TaskState.fromWire(rs.getString("state")),
                input(rs),
                rs.getLong("cost"),
                DbTime.read(rs, "created_at"),
                DbTime.read(rs, "queued_at"),
                DbTime.read(rs, "started_at"),
                DbTime.read(rs, "finished_at"),
                rs.getString("lease_owner"),
                DbTime.read(rs, "lease_until"),
                rs.getInt("attempts"),
                rs.getInt("progress"),
                rs.getObject("fail_code", Integer.class),
                rs.getString("fail_msg"),
                rs.getString("video_id"),
                rs.getString("video_key"),
                rs.getString("cover_key"),
                rs.getString("start_frame_key"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                DbTime.read(rs, "expires_at"),
                rs.getInt("expire_flag") == 1,
                DbTime.read(rs, "deadline_at"),
                rs.getString("trace_parent"),
                rs.getString("dialect"),
                RouteEngines.read(rs.getString("route_engines")),
                rs.getString("upstream_status"),
                rs.getObject("upstream_queue_position", Integer.class),
                rs.getString("upstream_usage"));
    }

    private static TaskInput input(ResultSet rs) throws SQLException {
        return TaskInput.builder()
                .prompt(rs.getString("prompt"))
                .imageUrl(rs.getString("image_url"))
                .aspectRatio(rs.getString("aspect_ratio"))
                .quality(rs.getString("quality"))
                .duration(rs.getObject("duration", Integer.class))
                .waterMark(rs.getString("water_mark"))
                .callBackUrl(rs.getString("call_back_url"))
                .model(rs.getString("model"))
                .expandPrompt(rs.getBoolean("expand_prompt"))
                .videoUrl(rs.getString("video_url"))
                .seed(rs.getObject("seed", Long.class))
                .referenceImage(rs.getString("reference_image"))
                .uploadCn(rs.getBoolean("upload_cn"))
                .paramsJson(rs.getString("params_json"))
                .lastFrameUrl(rs.getString("last_frame_url"))
                .referenceImageUrls(ReferenceImageUrls.read(rs.getString("reference_image_urls")))
                .size(rs.getString("output_size"))
                .fps(rs.getObject("fps", Integer.class))
                .modelInputJson(rs.getString("model_input"))
                .build();
    }
}
