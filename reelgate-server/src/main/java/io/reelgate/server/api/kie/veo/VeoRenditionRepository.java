package io.reelgate.server.api.kie.veo;

import io.reelgate.server.infra.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code veo_rendition} (migration V17): which task renders a source task's video at 1080p or 4K. */
@Repository
class VeoRenditionRepository {

    private final JdbcClient jdbc;

    VeoRenditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(String sourceTaskId, String resolution) {
        return jdbc.sql("SELECT rendition_task_id FROM veo_rendition WHERE source_task_id = ? AND resolution = ?")
                .params(sourceTaskId, resolution).query(String.class).optional();
    }

    /** Records the rendition; a row already there (a racing request sharing the same task) is kept. */
    void insert(String sourceTaskId, String resolution, String renditionTaskId, Instant at) {
        try {
            jdbc.sql("INSERT INTO veo_rendition (source_task_id, resolution, rendition_task_id, created_at) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(sourceTaskId, resolution, renditionTaskId, DbTime.of(at)).update();
        } catch (DuplicateKeyException e) {
            // recorded first by the request that shared this task
        }
    }
}
