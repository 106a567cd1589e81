package io.reelgate.client.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Filters and paging of {@code GET /api/v1/tasks}. All optional: {@code TaskListParams.all()} lists every task,
 * 20 per page.
 *
 * @param state  {@code wait}, {@code queueing}, {@code generating}, {@code success} or {@code fail}
 * @param kind   {@code generate}, {@code extend} or {@code aleph}
 * @param limit  page size 1..100, or 0 for the server's default (20)
 * @param before a previous page's {@link TaskPage#nextBefore()}
 */
public record TaskListParams(String state, String kind, int limit, String before) {

    public static TaskListParams all() {
        return new TaskListParams(null, null, 0, null);
    }

    public TaskListParams withState(String state) {
        return new TaskListParams(state, kind, limit, before);
    }

    public TaskListParams withKind(String kind) {
        return new TaskListParams(state, kind, limit, before);
    }

    public TaskListParams withLimit(int limit) {
        return new TaskListParams(state, kind, limit, before);
    }

    public TaskListParams withBefore(String before) {
        return new TaskListParams(state, kind, limit, before);
    }

    /** The query string, with a leading {@code ?} when not empty. */
    public String toQuery() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "state", state);
        add(query, "kind", kind);
        add(query, "limit", limit > 0 ? Integer.toString(limit) : null);
        add(query, "before", before);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
