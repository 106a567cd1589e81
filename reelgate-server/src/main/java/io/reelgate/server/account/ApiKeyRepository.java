package io.reelgate.server.account;

import io.reelgate.server.task.DbTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key and returns its id; the caller shows {@code secret} once and forgets it. */
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

    public Optional<ApiKey> findBySecret(String secret) {
        return jdbc.sql("SELECT id, name, key_prefix, disabled, created_at FROM api_key WHERE key_hash = :hash")
                .param("hash", ApiKeySecrets.hash(secret))
                .query((rs, n) -> new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("key_prefix"),
                        rs.getBoolean("disabled"), DbTime.read(rs, "created_at")))
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
    }
}
