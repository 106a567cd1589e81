package io.reelgate.server.account;

import java.time.Instant;

/** An API key as stored: never the secret, only its hash and a short prefix to tell keys apart. */
public record ApiKey(String id, String name, String keyPrefix, boolean disabled, long credits, Instant createdAt) {
}
