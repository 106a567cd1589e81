package io.reelgate.server.engine.fal;

/**
 * What Reelgate stores as the upstream id: {@code owner/alias|request_id}. Status, result and cancel URLs use only
 * the app ({@code owner/alias}), never the endpoint's subpath, so this is enough to resume after a restart.
 */
record FalRequestId(String app, String requestId) {

    static FalRequestId of(String endpoint, String requestId) {
        String[] parts = endpoint.split("/");
        if (parts.length < 2) {
            throw new IllegalArgumentException("fal endpoint ids look like owner/alias[/subpath] (got " + endpoint + ")");
        }
        return new FalRequestId(parts[0] + "/" + parts[1], requestId);
    }

    static FalRequestId parse(String stored) {
        int split = stored.lastIndexOf('|');
        if (split < 1 || split == stored.length() - 1) {
            throw new IllegalArgumentException("Not a fal upstream id: " + stored);
        }
        return new FalRequestId(stored.substring(0, split), stored.substring(split + 1));
    }

    @Override
    public String toString() {
        return app + "|" + requestId;
    }
}
