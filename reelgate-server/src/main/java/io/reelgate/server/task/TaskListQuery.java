package io.reelgate.server.task;

/**
 * One page of a key's tasks, newest first.
 *
 * @param state  only tasks in this state, or {@code null} for all
 * @param kind   only tasks of this kind, or {@code null} for all
 * @param before the id of the last task of the previous page (its own row is not repeated), or {@code null}
 * @param limit  1..100
 */
public record TaskListQuery(TaskState state, TaskKind kind, String before, int limit) {

    public static final int MAX_LIMIT = 100;
}
