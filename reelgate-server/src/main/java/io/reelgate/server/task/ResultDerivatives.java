package io.reelgate.server.task;

import java.util.List;

/**
 * Blob keys a dialect derives from a task's result on request and stores beside it (the OpenAI dialect's WebP
 * thumbnail and sprite sheet), so the retention sweep and a delete remove them with the result.
 */
public interface ResultDerivatives {

    /** The keys this dialect may have stored for {@code task}; missing ones are fine to name. */
    List<String> keysOf(Task task);
}
