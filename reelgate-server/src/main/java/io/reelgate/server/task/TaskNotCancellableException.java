package io.reelgate.server.task;

/** A finished task cannot be cancelled; answered with 422. */
public class TaskNotCancellableException extends RuntimeException {

    public TaskNotCancellableException(Task task) {
        super("Task " + task.id() + " cannot be cancelled: it already ended in " + task.state().wire());
    }
}
