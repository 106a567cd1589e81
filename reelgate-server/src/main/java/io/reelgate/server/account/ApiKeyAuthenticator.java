package io.reelgate.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the enabled key behind a bearer secret, remembering answers for a few seconds so a client polling
 * record-detail does not cost a key lookup per request. Only found, enabled keys are remembered, under the secret's
 * hash (never the secret). Disabling or rotating a key forgets it at once on this node; other nodes notice within
 * {@code ttl}. A {@code ttl} of zero asks the database every time.
 */
@Component
public class ApiKeyAuthenticator {

    /** Beyond this many remembered keys the memory is simply dropped and refilled by the next requests. */
    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(String id, String name, Instant until) {
    }

    /** Who a request is: the key's id and display name. */
    public record KeyIdentity(String id, String name) {
    }

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentMap<String, Remembered> byHash = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(ApiKeyRepository keys, Clock clock, @Value("${reelgate.auth.cache-ttl:5s}") Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<KeyIdentity> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        Instant now = clock.instant();
        Remembered remembered = byHash.get(hash);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(new KeyIdentity(remembered.id(), remembered.name()));
        }
        Optional<ApiKey> key = keys.findByHash(hash).filter(k -> !k.disabled());
        if (key.isEmpty()) {
            byHash.remove(hash);
            return Optional.empty();
        }
        if (!ttl.isZero()) {
            if (byHash.size() >= MAX_ENTRIES) {
                byHash.clear();
            }
            byHash.put(hash, new Remembered(key.get().id(), key.get().name(), now.plus(ttl)));
        }
        return Optional.of(new KeyIdentity(key.get().id(), key.get().name()));
    }

    /** Forgets a key whose secret or status just changed, so this node stops accepting the old state at once. */
    public void forget(String keyId) {
        byHash.values().removeIf(remembered -> remembered.id().equals(keyId));
    }
}
