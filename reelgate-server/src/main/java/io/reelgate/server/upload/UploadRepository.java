package io.reelgate.server.upload;

import io.reelgate.server.infra.DbTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code upload} table: owner, sniffed type, size and expiry of every stored upload, keyed by blob key. */
@Repository
class UploadRepository {

    private static final RowMapper<UploadRecord> ROW = (rs, n) -> new UploadRecord(rs.getString("blob_key"),
            rs.getString("api_key_id"), rs.getString("mime_type"), rs.getLong("file_size"),
            DbTime.read(rs, "uploaded_at"), DbTime.read(rs, "expires_at"));

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts, or replaces the row of an upload stored again under the same key (KIE: same name overwrites). */
    void save(UploadRecord upload) {
        if (update(upload) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO upload (blob_key, api_key_id, mime_type, file_size, uploaded_at, expires_at)
                        VALUES (:key, :owner, :mime, :size, :uploadedAt, :expiresAt)
                        """)
                        .param("key", upload.blobKey()).param("owner", upload.apiKeyId())
                        .param("mime", upload.mimeType()).param("size", upload.fileSize())
                        .param("uploadedAt", DbTime.of(upload.uploadedAt()))
                        .param("expiresAt", DbTime.of(upload.expiresAt()))
                        .update();
            } catch (DuplicateKeyException e) {
                // the same name was uploaded concurrently: the later write wins, as it would on a file system
                update(upload);
            }
        }
    }

    private int update(UploadRecord upload) {
        return jdbc.sql("""
                UPDATE upload SET mime_type = :mime, file_size = :size, uploaded_at = :uploadedAt,
                                  expires_at = :expiresAt
                WHERE blob_key = :key
                """)
                .param("key", upload.blobKey()).param("mime", upload.mimeType()).param("size", upload.fileSize())
                .param("uploadedAt", DbTime.of(upload.uploadedAt())).param("expiresAt", DbTime.of(upload.expiresAt()))
                .update();
    }

    Optional<UploadRecord> findUnexpired(String blobKey, Instant now) {
        return jdbc.sql("SELECT * FROM upload WHERE blob_key = :key AND expires_at > :now")
                .param("key", blobKey).param("now", DbTime.of(now)).query(ROW).optional();
    }

    /**
     * Whether storing {@code blobKey} would need a stored file to be a folder or a folder to be a file, e.g.
     * {@code a/b} (file) next to {@code a/b/c}. {@code prefix} is {@code blobKey + "/"}; {@code ancestors} are
     * the folders above {@code blobKey} inside the owner's namespace.
     */
    boolean clashes(String owner, String blobKey, List<String> ancestors) {
        String prefix = blobKey + "/";
        // "IN ()" is not SQL; no stored key ends with '/', so the prefix itself is a harmless stand-in
        List<String> folders = ancestors.isEmpty() ? List.of(prefix) : ancestors;
        return jdbc.sql("""
                SELECT COUNT(*) FROM upload
                WHERE api_key_id = :owner AND (blob_key IN (:ancestors) OR LEFT(blob_key, :length) = :prefix)
                """)
                .param("owner", owner).param("ancestors", folders)
                .param("length", prefix.length()).param("prefix", prefix)
                .query(Long.class).single() > 0;
    }

    List<UploadRecord> expiredBefore(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM upload WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit")
                .param("now", DbTime.of(now)).param("limit", limit).query(ROW).list();
    }

    /** Deletes the row only while it is still expired, so an upload stored again meanwhile is kept. */
    boolean deleteIfExpired(String blobKey, Instant now) {
        return jdbc.sql("DELETE FROM upload WHERE blob_key = :key AND expires_at <= :now")
                .param("key", blobKey).param("now", DbTime.of(now)).update() == 1;
    }
}
