package io.reelgate.server.task;

import java.util.Locale;

/**
 * What every live-stream event names about its task besides its state: the kind, the wire dialect that accepted it
 * and the model it asked for ({@code null} when it named none), so one stream serves clients of every dialect.
 */
public record TaskLabel(String kind, String dialect, String model) {

    public static TaskLabel of(Task task) {
        return new TaskLabel(task.kind().name().toLowerCase(Locale.ROOT), task.dialect(), task.input().model());
    }
}
