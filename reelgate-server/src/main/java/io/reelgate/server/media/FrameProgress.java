package io.reelgate.server.media;

/** Per-frame bookkeeping every render loop shares: stop on cancellation, report each new percent once. */
public final class FrameProgress {

    private final RenderControl context;
    private final int expectedFrames;
    private int reported = -1;

    /** @param expectedFrames frames the loop will write; an estimate is fine, the percentage is capped anyway */
    public FrameProgress(RenderControl context, int expectedFrames) {
        this.context = context;
        this.expectedFrames = Math.max(1, expectedFrames);
    }

    /** Called before each frame, so cancellation takes effect within one frame. */
    public void checkCancelled() {
        if (context.cancelled()) {
            throw new RenderCancelledException();
        }
    }

    public void framesDone(int frames) {
        // 100 is left for the moment the file is complete
        int percent = Math.min(99, (int) ((long) frames * 99 / expectedFrames));
        if (percent != reported) {
            context.progress(percent);
            reported = percent;
        }
    }

    public void finished() {
        context.progress(100);
    }
}
