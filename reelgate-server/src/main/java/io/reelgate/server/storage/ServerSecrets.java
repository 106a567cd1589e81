package io.reelgate.server.storage;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets shared by every node through the database, created on first use. Two nodes racing to create one
 * both end up with the row that won the insert.
 */
@Component
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ServerSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        return read(name).orElseGet(() -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            try {
                jdbc.sql("INSERT INTO server_secret (name, secret_value) VALUES (:name, :value)")
                        .param("name", name)
                        .param("value", Base64.getEncoder().encodeToString(secret))
                        .update();
            } catch (DuplicateKeyException e) {
                // another node created it first: use theirs
            }
            return read(name).orElseThrow();
        });
    }

    private java.util.Optional<byte[]> read(String name) {
        return jdbc.sql("SELECT secret_value FROM server_secret WHERE name = :name").param("name", name)
                .query(String.class).optional().map(Base64.getDecoder()::decode);
    }
}
