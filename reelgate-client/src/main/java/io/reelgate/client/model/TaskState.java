package io.reelgate.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Runway task states (docs/kie-contract.md, "Task states"): {@code wait → queueing → generating → success | fail}. */
public enum TaskState {
    WAIT, QUEUEING, GENERATING, SUCCESS, FAIL,
    /** A state this SDK does not know yet; treated as still running so waits do not end early. */
    UNKNOWN;

    /** True for {@link #SUCCESS} and {@link #FAIL}: the task will not change any more. */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAIL;
    }

    /** The wire value, e.g. {@code queueing}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TaskState fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
