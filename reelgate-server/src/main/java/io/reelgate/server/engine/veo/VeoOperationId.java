package io.reelgate.server.engine.veo;

/**
 * What the task stores as its upstream id: Google's operation name ({@code models/{model}/operations/{id}}) and the
 * seconds asked for, since the operation reports neither the length nor the cost, and usage must survive a restart.
 * Written {@code <name>#<seconds>}.
 */
record VeoOperationId(String name, int videoSeconds) {

    static VeoOperationId parse(String upstreamId) {
        int split = upstreamId.lastIndexOf('#');
        if (split < 0) {
            return new VeoOperationId(upstreamId, 8);
        }
        return new VeoOperationId(upstreamId.substring(0, split), Integer.parseInt(upstreamId.substring(split + 1)));
    }

    /** The model id inside the operation name. */
    String model() {
        String[] parts = name.split("/");
        return parts.length >= 2 && parts[0].equals("models") ? parts[1] : "";
    }

    @Override
    public String toString() {
        return name + "#" + videoSeconds;
    }
}
