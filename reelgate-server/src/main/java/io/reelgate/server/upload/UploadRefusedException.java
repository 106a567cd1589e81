package io.reelgate.server.upload;

/** An upload refused because of what the client sent (answered with code 400); the message is safe to show. */
public class UploadRefusedException extends RuntimeException {

    public UploadRefusedException(String message) {
        super(message);
    }

    static UploadRefusedException missing(String field) {
        return new UploadRefusedException("Missing required parameter: " + field);
    }

    static UploadRefusedException tooLarge(long maxBytes) {
        return new UploadRefusedException("File is larger than " + maxBytes + " bytes");
    }
}
