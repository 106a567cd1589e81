package io.reelgate.server.account;

import io.reelgate.server.infra.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private static final String COLUMNS = "id, name, key_prefix, disabled, credits, created_at";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key with a zero balance and returns its id; the caller shows {@code secret} once. */
    public String create(String name, String secret, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO api_key (id, name, key_hash, key_prefix, disabled, created_at)
                VALUES (:id, :name, :hash, :prefix, FALSE, :now)
                """)
                .param("id", id)
                .param("name", name)
                .param("hash", ApiKeySecrets.hash(secret))
                .param("prefix", ApiKeySecrets.displayPrefix(secret))
                .param("now", DbTime.of(now))
                .update();
        return id;
    }

    /** The key behind a secret's hash ({@link ApiKeySecrets#hash}): one lookup on the unique hash index. */
    public Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash")
                .param("hash", hash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    public Optional<ApiKey> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id").param("id", id)
                .query(ApiKeyRepository::map).optional();
    }

    public List<ApiKey> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id").query(ApiKeyRepository::map).list();
    }

    /** @return false when no such key exists */
    public boolean setDisabled(String id, boolean disabled) {
        return jdbc.sql("UPDATE api_key SET disabled = :disabled WHERE id = :id")
                .param("id", id)
                .param("disabled", disabled)
                .update() == 1;
    }

    /** Rotation: the old secret stops working the moment this commits. */
    public boolean replaceSecret(String id, String secret) {
        return jdbc.sql("UPDATE api_key SET key_hash = :hash, key_prefix = :prefix WHERE id = :id")
                .param("id", id)
                .param("hash", ApiKeySecrets.hash(secret))
                .param("prefix", ApiKeySecrets.displayPrefix(secret))
                .update() == 1;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
                rs.getBoolean("disabled"), rs.getLong("credits"), DbTime.read(rs, "created_at"));
    }
}
