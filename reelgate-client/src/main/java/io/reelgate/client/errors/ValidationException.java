package io.reelgate.client.errors;

/**
 * Code 422 (a parameter is invalid; {@link #msg()} names the field) or 400 (the body could not be read). Never
 * retried: sending the same request again cannot succeed.
 */
public class ValidationException extends ReelgateException {

    public ValidationException(int code, String msg) {
        super(code, msg);
    }
}
