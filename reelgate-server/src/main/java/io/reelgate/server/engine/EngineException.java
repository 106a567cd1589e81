package io.reelgate.server.engine;

import io.reelgate.server.media.MediaException;
import io.reelgate.server.media.RenderCancelledException;

/**
 * An engine failure carrying what the task should end with: {@code failCode} and a message safe to show the
 * user (never a stack trace or a secret).
 */
public class EngineException extends RuntimeException {

    /**
     * The user's input could not be used: an image that cannot be fetched or decoded, refused content, a
     * cancellation. KIE documents {@code failCode} 400 and callback code 400 for every such case.
     */
    public static final int INPUT_REJECTED = 400;
    /** Internal failure of the engine or the server (callback code 500). */
    public static final int INTERNAL = 500;

    private final int failCode;

    public EngineException(int failCode, String failMsg) {
        super(failMsg);
        this.failCode = failCode;
    }

    public EngineException(int failCode, String failMsg, Throwable cause) {
        super(failMsg, cause);
        this.failCode = failCode;
    }

    /** What a failed read or write of a video or image ends the task with; a stopped render is a cancellation. */
    public static EngineException of(MediaException e) {
        if (e instanceof RenderCancelledException) {
            return new EngineCancelledException();
        }
        return new EngineException(e.inputRejected() ? INPUT_REJECTED : INTERNAL, e.getMessage(), e);
    }

    public int failCode() {
        return failCode;
    }

    public String failMsg() {
        return getMessage();
    }
}
