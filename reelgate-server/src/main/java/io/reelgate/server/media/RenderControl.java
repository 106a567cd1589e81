package io.reelgate.server.media;

/** What a render loop asks of whoever runs it: whether to stop, and where to report progress. */
public interface RenderControl {

    /** True once the work should stop; checked before each frame. */
    boolean cancelled();

    /** Reports progress in percent (0..100); cheap, may be called per frame. */
    void progress(int percent);
}
