package io.reelgate.client.model;

import java.util.List;

/**
 * One page of {@code GET /api/v1/tasks} (a Reelgate extension), newest first. {@code nextBefore} continues the
 * listing (see {@link TaskListParams#before}); it is null on the last page.
 */
public record TaskPage(List<TaskView> tasks, String nextBefore) {

    public TaskPage {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public boolean hasMore() {
        return nextBefore != null;
    }
}
