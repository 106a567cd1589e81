package io.reelgate.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.account.ApiKeyRepository;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The upload and namespace tables and every query on them, against the H2 file database and embedded PostgreSQL. */
class UploadRepositoryDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

    private UploadRepository uploads;
    private UploadNamespaces namespaces;
    private String keyId;
    private String otherKeyId;

    private void setUp(TestDatabases.Kind kind) {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
        uploads = new UploadRepository(jdbc);
        namespaces = new UploadNamespaces(jdbc);
        ApiKeyRepository keys = new ApiKeyRepository(jdbc);
        keyId = keys.create("a", "rg_" + UUID.randomUUID(), T0);
        otherKeyId = keys.create("b", "rg_" + UUID.randomUUID(), T0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void namespacesAreStablePerKeyAndDistinctAcrossKeys(TestDatabases.Kind kind) {
        setUp(kind);
        String mine = namespaces.of(keyId);

        assertThat(namespaces.of(keyId)).isEqualTo(mine);
        assertThat(namespaces.of(otherKeyId)).isNotEqualTo(mine);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void savingTheSameKeyAgainReplacesTheRow(TestDatabases.Kind kind) {
        setUp(kind);
        uploads.save(record("uploads/n/a/x.png", "image/png", 10, T0));
        uploads.save(record("uploads/n/a/x.png", "image/jpeg", 20, T0.plusSeconds(5)));

        UploadRecord found = uploads.findUnexpired("uploads/n/a/x.png", T0.plusSeconds(6)).orElseThrow();

        assertThat(found.mimeType()).isEqualTo("image/jpeg");
        assertThat(found.fileSize()).isEqualTo(20);
        assertThat(found.uploadedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(found.apiKeyId()).isEqualTo(keyId);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void expiredRowsAreInvisibleAndSweptOnlyWhileStillExpired(TestDatabases.Kind kind) {
        setUp(kind);
        uploads.save(record("uploads/n/a/old.png", "image/png", 1, T0));
        uploads.save(record("uploads/n/a/new.png", "image/png", 1, T0.plus(Duration.ofHours(2))));
        Instant later = T0.plus(Duration.ofHours(25));

        assertThat(uploads.findUnexpired("uploads/n/a/old.png", later)).isEmpty();
        assertThat(uploads.expiredBefore(later, 10)).extracting(UploadRecord::blobKey)
                .containsExactly("uploads/n/a/old.png");
        // stored again before the sweep got to it: the new row must survive
        uploads.save(record("uploads/n/a/old.png", "image/png", 2, later));
        assertThat(uploads.deleteIfExpired("uploads/n/a/old.png", later)).isFalse();
        assertThat(uploads.findUnexpired("uploads/n/a/old.png", later)).isPresent();
        assertThat(uploads.deleteIfExpired("uploads/n/a/new.png", T0.plus(Duration.ofHours(27)))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aNameCannotBeBothAFileAndAFolder(TestDatabases.Kind kind) {
        setUp(kind);
        uploads.save(record("uploads/n/a/b", "image/png", 1, T0));

        assertThat(uploads.clashes(keyId, "uploads/n/a/b/c.png", List.of("uploads/n/a", "uploads/n/a/b"))).isTrue();
        assertThat(uploads.clashes(keyId, "uploads/n/a", List.of())).isTrue();
        assertThat(uploads.clashes(keyId, "uploads/n/a/c.png", List.of("uploads/n/a"))).isFalse();
        // '_' and '%' are LIKE wildcards; the prefix test must not treat them as such
        assertThat(uploads.clashes(keyId, "uploads/n/_", List.of())).isFalse();
        assertThat(uploads.clashes(keyId, "uploads/n/a%", List.of())).isFalse();
        assertThat(uploads.clashes(otherKeyId, "uploads/n/a/b/c.png", List.of("uploads/n/a", "uploads/n/a/b")))
                .isFalse();
    }

    private UploadRecord record(String key, String mime, long size, Instant at) {
        return new UploadRecord(key, keyId, mime, size, at, at.plus(Duration.ofHours(24)));
    }
}
