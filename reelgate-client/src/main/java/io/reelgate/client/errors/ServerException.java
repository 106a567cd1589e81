package io.reelgate.client.errors;

/** Code 5xx, 455 (maintenance) or any other code the SDK has no specific type for (451, 405, 505 …). */
public class ServerException extends ReelgateException {

    public ServerException(int code, String msg) {
        super(code, msg);
    }
}
