package io.reelgate.server.engine.comfyui;

/**
 * A queued prompt: the server that has it and ComfyUI's prompt id. Stored as the task's upstream id,
 * {@code <server>/<prompt_id>}, so polling, collecting and cancelling know where to go, also after a restart.
 */
record ComfyPrompt(String server, String promptId) {

    static ComfyPrompt parse(String upstreamId) {
        int split = upstreamId.lastIndexOf('/');
        if (split < 1 || split == upstreamId.length() - 1) {
            throw new IllegalArgumentException("Not a ComfyUI upstream id: " + upstreamId);
        }
        return new ComfyPrompt(upstreamId.substring(0, split), upstreamId.substring(split + 1));
    }

    String upstreamId() {
        return server + "/" + promptId;
    }
}
