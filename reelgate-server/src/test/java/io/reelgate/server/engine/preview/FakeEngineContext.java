package io.reelgate.server.engine.preview;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An engine context whose downloads copy local files, registered per URL; unknown URLs fail like a 404. */
class FakeEngineContext implements EngineContext {

    final List<Integer> progress = new ArrayList<>();
    final Map<String, Long> requestedLimits = new HashMap<>();
    private final Map<String, Path> files = new HashMap<>();

    FakeEngineContext serve(String url, Path file) {
        files.put(url, file);
        return this;
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void progress(int percent) {
        progress.add(percent);
    }

    @Override
    public void download(String url, Path target, long maxBytes, String what) {
        requestedLimits.put(url, maxBytes);
        Path file = files.get(url);
        if (file == null) {
            throw new EngineException(EngineException.INPUT_REJECTED, "Failed to fetch the " + what + ": HTTP 404");
        }
        try {
            Files.copy(file, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
