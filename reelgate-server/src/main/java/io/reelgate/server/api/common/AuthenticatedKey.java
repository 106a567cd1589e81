package io.reelgate.server.api.common;

/** The API key a request was authenticated with, stored as a request attribute by {@link ApiKeyAuthFilter}. */
public record AuthenticatedKey(String id, String name) {

    public static final String ATTRIBUTE = "reelgate.authenticatedKey";
}
