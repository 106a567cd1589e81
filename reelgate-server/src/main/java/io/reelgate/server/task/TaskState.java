package io.reelgate.server.task;

import java.util.Arrays;

/**
 * The KIE Runway task states, spelled as on the wire. {@code wait}: accepted and stored, not yet admitted to an
 * engine queue; {@code queueing}: admitted, waiting for a worker; {@code generating}: a worker holds a lease on it.
 */
public enum TaskState {
    WAIT("wait"),
    QUEUEING("queueing"),
    GENERATING("generating"),
    SUCCESS("success"),
    FAIL("fail");

    private final String wire;

    TaskState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this == SUCCESS || this == FAIL;
    }

    /**
     * Every legal move. {@code generating → queueing} is crash recovery (an expired lease hands the task back);
     * every non-terminal state may fail (cancel, recovery giving up, internal error); terminal states accept nothing.
     */
    public boolean canMoveTo(TaskState next) {
        return switch (this) {
            case WAIT -> next == QUEUEING || next == FAIL;
            case QUEUEING -> next == GENERATING || next == FAIL;
            case GENERATING -> next == SUCCESS || next == FAIL || next == QUEUEING;
            case SUCCESS, FAIL -> false;
        };
    }

    public static TaskState fromWire(String wire) {
        return Arrays.stream(values())
                .filter(s -> s.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown task state: " + wire));
    }
}
