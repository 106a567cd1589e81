package io.reelgate.server.api.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the {@link FilterErrorWriter} of the dialect that owns a request's path. */
@Component
class FilterErrors {

    private final List<FilterErrorWriter> writers;

    FilterErrors(List<FilterErrorWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    /** A filtered path no dialect owns is a wiring bug, not a request to answer in some guessed shape. */
    FilterErrorWriter of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return writers.stream().filter(writer -> writer.owns(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No dialect writes filter errors for " + path));
    }
}
