package io.reelgate.server.engine.comfyui;

/** A ComfyUI server did not answer, or answered 5xx: the server is in trouble, not the task. */
class ComfyUnreachableException extends RuntimeException {

    ComfyUnreachableException(String message) {
        super(message);
    }
}
