package io.reelgate.server.account;

/** A key just created or rotated, with its secret: the only time the secret exists outside the client. */
public record CreatedKey(ApiKey key, String secret) {
}
