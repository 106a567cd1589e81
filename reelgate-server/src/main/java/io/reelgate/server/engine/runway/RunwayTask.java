package io.reelgate.server.engine.runway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code GET /v1/tasks/{id}} (docs/upstreams.md, "Runway: tasks"): status PENDING, THROTTLED, RUNNING (with progress
 * 0..1), SUCCEEDED (with output URLs), FAILED (with failure and an optional failureCode) or CANCELLED. Unknown fields
 * are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RunwayTask(String id, String status, Double progress, List<String> output, String failure,
                  String failureCode) {
}
