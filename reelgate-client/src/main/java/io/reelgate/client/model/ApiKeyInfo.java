package io.reelgate.client.model;

/**
 * An API key as the admin API lists it; never contains the secret.
 *
 * @param id        key id for the admin operations
 * @param name      operator-chosen name
 * @param keyPrefix the first characters of the secret, to recognise it
 * @param disabled  whether calls with it are refused
 * @param credits   current balance
 * @param createdAt ISO time
 */
public record ApiKeyInfo(String id, String name, String keyPrefix, boolean disabled, long credits, String createdAt) {
}
