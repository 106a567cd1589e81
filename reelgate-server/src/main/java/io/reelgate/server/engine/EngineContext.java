package io.reelgate.server.engine;

import io.reelgate.server.media.RenderControl;
import java.nio.file.Path;
import java.util.Map;

/** What the dispatcher offers an engine while it runs: cancellation, progress and guarded downloads. */
public interface EngineContext extends RenderControl {

    /** True once the task was cancelled or its lease was lost; the engine should stop promptly. */
    @Override
    boolean cancelled();

    /** Reports progress in percent (0..100); cheap, may be called per frame. */
    @Override
    void progress(int percent);

    /**
     * Downloads a user-supplied URL into {@code target} through the outbound guard (scheme, private-address
     * and size checks).
     *
     * @param what what the URL is, for the failure message: {@code "image"}, {@code "video"}, {@code "reference image"}
     * @throws EngineException with failCode 400 and {@code Failed to fetch the <what>: <reason>}
     */
    void download(String url, Path target, long maxBytes, String what);

    /**
     * Like {@link #download(String, Path, long, String)}, with {@code originHeaders} (a provider's API key) sent to the
     * URL's own origin only and dropped on a redirect to another host. Contexts without guarded downloads refuse it.
     */
    default void download(String url, Path target, long maxBytes, String what, Map<String, String> originHeaders) {
        if (!originHeaders.isEmpty()) {
            throw new UnsupportedOperationException("this context cannot send headers with a download");
        }
        download(url, target, maxBytes, what);
    }
}
