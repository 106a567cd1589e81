package io.reelgate.client.model;

/**
 * Answer of key creation and rotation: the only time the secret is ever shown.
 *
 * @param key    the key
 * @param secret the API key to hand to the client; store it now, it cannot be read again
 */
public record CreatedApiKey(ApiKeyInfo key, String secret) {

    /** Leaves the secret out, so logging the object does not leak it. */
    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=***]";
    }
}
