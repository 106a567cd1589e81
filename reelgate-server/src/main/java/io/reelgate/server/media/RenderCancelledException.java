package io.reelgate.server.media;

/** A render loop stopped because {@link RenderControl#cancelled()} became true. */
public class RenderCancelledException extends MediaException {

    public RenderCancelledException() {
        super(true, "Task was cancelled", null);
    }
}
