package io.reelgate.server.engine.comfyui;

/** ComfyUI refused a request for good (e.g. 400 with {@code node_errors}); sending it again would not help. */
class ComfyRejectedException extends RuntimeException {

    ComfyRejectedException(String message) {
        super(message);
    }
}
