package io.reelgate.server.callback;

import io.reelgate.server.task.Task;

/**
 * The callback body of one wire dialect. {@link CallbackOutbox} renders a finished task with the renderer of the
 * dialect stored with it ({@link Task#dialect()}), so the core never knows a callback shape.
 */
public interface CallbackRenderer {

    /** The {@code dialect} value of the tasks this renderer answers for. */
    String dialect();

    /**
     * The body to sign and send, rendered once when the task finishes: a value the outbox writes as JSON with the
     * application's mapper, so every dialect's bodies are serialised alike.
     */
    Object render(Task task);
}
