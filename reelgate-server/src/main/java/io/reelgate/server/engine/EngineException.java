package io.reelgate.server.engine;

/**
 * An engine failure carrying what the task should end with: {@code failCode} and a message safe to show the
 * user (never a stack trace or a secret).
 */
public class EngineException extends RuntimeException {

    /** Input the engine could not use: bad image, unsupported size, refused content. */
    public static final int INPUT_REJECTED = 400;
    /** The input image or video could not be fetched (KIE code 451). */
    public static final int FETCH_FAILED = 451;
    /** Internal failure of the engine itself. */
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

    public int failCode() {
        return failCode;
    }

    public String failMsg() {
        return getMessage();
    }
}
