package io.reelgate.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.MovableClock;
import io.reelgate.server.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key lookup memory on a real H2 file database: a change made on this node takes effect at once, a change made
 * by another node (straight in the database here) within the time-to-live, and unknown secrets are never remembered.
 */
class ApiKeyAuthenticatorDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private ApiKeyRepository repository;
    private ApiKeyAuthenticator authenticator;
    private ApiKeyService service;
    private String secret;
    private String id;

    @BeforeEach
    void setUp() {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(TestDatabases.Kind.H2));
        repository = new ApiKeyRepository(jdbc);
        authenticator = new ApiKeyAuthenticator(repository, clock, Duration.ofSeconds(5));
        service = new ApiKeyService(repository, null, null, clock, authenticator);
        secret = ApiKeySecrets.newSecret();
        id = repository.create("app", secret, T0);
    }

    @Test
    void aKeyDisabledOnThisNodeIsRefusedAtOnce() {
        assertThat(authenticator.authenticate(secret)).map(ApiKeyAuthenticator.KeyIdentity::id).contains(id);

        service.setDisabled(id, true);

        assertThat(authenticator.authenticate(secret)).isEmpty();
    }

    @Test
    void aRotatedSecretStopsWorkingAtOnceAndTheNewOneWorks() {
        assertThat(authenticator.authenticate(secret)).isPresent();

        String fresh = service.rotate(id).secret();

        assertThat(authenticator.authenticate(secret)).isEmpty();
        assertThat(authenticator.authenticate(fresh)).map(ApiKeyAuthenticator.KeyIdentity::id).contains(id);
    }

    @Test
    void aKeyDisabledByAnotherNodeIsRefusedOnceTheMemoryExpires() {
        assertThat(authenticator.authenticate(secret)).isPresent();
        repository.setDisabled(id, true); // as another node would

        clock.advance(Duration.ofSeconds(4));
        assertThat(authenticator.authenticate(secret)).as("still remembered").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticator.authenticate(secret)).as("expired, asked again").isEmpty();
    }

    @Test
    void anUnknownSecretIsNotRememberedSoAKeyCreatedElsewhereWorksImmediately() {
        String later = ApiKeySecrets.newSecret();
        assertThat(authenticator.authenticate(later)).isEmpty();

        String laterId = repository.create("later", later, T0); // as another node would

        assertThat(authenticator.authenticate(later)).map(ApiKeyAuthenticator.KeyIdentity::id).contains(laterId);
    }
}
