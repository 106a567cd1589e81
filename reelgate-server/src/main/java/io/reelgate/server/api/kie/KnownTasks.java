package io.reelgate.server.api.kie;

import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.task.Task;
import io.reelgate.server.task.TaskNotFoundException;
import java.util.function.Supplier;

/**
 * The Market and Veo APIs answer a task they do not know (unknown, or another key's or dialect's) with code 422 and a
 * wording of their own (docs/compatibility.md, "KIE Market jobs", "KIE Veo 3.1").
 */
public final class KnownTasks {

    private KnownTasks() {
    }

    public static Task find(Supplier<Task> lookup, String unknownMessage) {
        try {
            return lookup.get();
        } catch (TaskNotFoundException e) {
            throw new ApiException(422, unknownMessage);
        }
    }
}
