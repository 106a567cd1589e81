package io.reelgate.server.callback;

/** No callback delivery with that id belongs to the caller. */
public class DeliveryNotFoundException extends RuntimeException {

    public DeliveryNotFoundException(String id) {
        super("Callback delivery not found: " + id);
    }
}
