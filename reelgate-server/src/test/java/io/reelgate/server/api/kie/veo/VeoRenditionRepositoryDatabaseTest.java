package io.reelgate.server.api.kie.veo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.TestDatabases;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Migration V17 on the H2 file database and embedded PostgreSQL: one rendition per source task and size. */
class VeoRenditionRepositoryDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theFirstRenditionOfASourceAndSizeIsKept(TestDatabases.Kind kind) {
        VeoRenditionRepository renditions = new VeoRenditionRepository(JdbcClient.create(TestDatabases.migrated(kind)));
        String source = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String fourK = UUID.randomUUID().toString();

        renditions.insert(source, "1080p", first, T0);
        renditions.insert(source, "1080p", UUID.randomUUID().toString(), T0.plusSeconds(1));
        renditions.insert(source, "4k", fourK, T0);

        assertThat(renditions.find(source, "1080p")).contains(first);
        assertThat(renditions.find(source, "4k")).contains(fourK);
        assertThat(renditions.find(UUID.randomUUID().toString(), "1080p")).isEmpty();
    }
}
