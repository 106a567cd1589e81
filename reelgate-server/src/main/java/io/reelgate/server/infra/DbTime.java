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
