package io.reelgate.server.api.reelgate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of the caller's tasks, newest first. {@code nextBefore} is what to pass as {@code before} for the next
 * page, or null on the last page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TaskPage(List<TaskView> tasks, String nextBefore) {
}
