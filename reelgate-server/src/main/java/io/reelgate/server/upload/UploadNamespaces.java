package io.reelgate.server.upload;

import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first path segment of every upload of an API key: a random UUID made on the key's first upload and kept in
 * the database. Random, so upload URLs cannot be guessed from a key or another upload; stable, so re-uploading the
 * same uploadPath/fileName overwrites as KIE documents; in the database, so every node of a cluster agrees.
 */
@Repository
class UploadNamespaces {

    private final JdbcClient jdbc;

    UploadNamespaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(String apiKeyId) {
        return find(apiKeyId).orElseGet(() -> create(apiKeyId));
    }

    private java.util.Optional<String> find(String apiKeyId) {
        return jdbc.sql("SELECT namespace_id FROM upload_namespace WHERE api_key_id = :key")
                .param("key", apiKeyId).query(String.class).optional();
    }

    private String create(String apiKeyId) {
        String namespace = UUID.randomUUID().toString();
        try {
            jdbc.sql("INSERT INTO upload_namespace (api_key_id, namespace_id) VALUES (:key, :namespace)")
                    .param("key", apiKeyId).param("namespace", namespace).update();
            return namespace;
        } catch (DuplicateKeyException e) {
            // a concurrent first upload of the same key won the insert: use its namespace
            return find(apiKeyId).orElseThrow(() -> e);
        }
    }
}
