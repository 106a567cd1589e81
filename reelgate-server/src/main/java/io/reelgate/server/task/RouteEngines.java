package io.reelgate.server.task;

import java.util.Arrays;
import java.util.List;

/** The {@code route_engines} column: engine names in order, comma-separated (engine names hold no commas). */
final class RouteEngines {

    private RouteEngines() {
    }

    static String write(List<String> engines) {
        return engines.isEmpty() ? null : String.join(",", engines);
    }

    static List<String> read(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
