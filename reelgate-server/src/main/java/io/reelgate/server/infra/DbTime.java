package io.reelgate.server.infra;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps are stored as UTC {@code TIMESTAMP} (without zone) through {@link LocalDateTime}, which H2 and the
 * PostgreSQL driver both map exactly; this keeps nodes in different JVM time zones consistent.
 */
public final class DbTime {

    /**
     * Before every stored time: "column > :floor AND column < :now" gives an index scan a lower bound, which H2
     * needs to start past the column's NULLs (most tasks have no deadline) instead of walking them all.
     */
    public static final LocalDateTime FLOOR = LocalDateTime.of(1970, 1, 1, 0, 0);

    private DbTime() {
    }

    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
