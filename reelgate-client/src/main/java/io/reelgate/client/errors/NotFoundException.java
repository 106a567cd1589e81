package io.reelgate.client.errors;

/** Code 404: the task, key, callback delivery or endpoint does not exist (or belongs to another key). */
public class NotFoundException extends ReelgateException {

    public NotFoundException(int code, String msg) {
        super(code, msg);
    }
}
