package io.reelgate.server.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every value of every table of the application's schema, as text: what secret scans search. */
public final class StoredValues {

    private StoredValues() {
    }

    public static String all(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                .query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
                row.values().forEach(value -> all.append(value).append('\n'));
            }
        }
        return all.toString();
    }
}
