package io.reelgate.server.task;

/** No task with that id belongs to the calling key (another key's task looks exactly like a missing one). */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("Task not found: " + taskId);
    }
}
