package io.reelgate.server.infra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SQL statement with its named parameters, for a repository that lets another run its write as part of a larger
 * statement (a submit's charge and task insert are one statement on PostgreSQL). Parameter values may be null.
 */
public record SqlStatement(String sql, Map<String, Object> params) {

    public SqlStatement {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @param namesAndValues parameter names, each followed by its value (which may be null) */
    public static SqlStatement of(String sql, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Every parameter name needs a value");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new SqlStatement(sql, params);
    }
}
