package nl.programmes.testkit;

import nl.programmes.kit.security.SigningKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints JWTs for any user, organisation and roles, signed by a key whose JWKS this class serves on
 * loopback; services under test validate against it exactly as they validate against the portal.
 */
public final class TestTokens implements AutoCloseable {

    private final SigningKey key = SigningKey.generate();
    private final SigningKey stranger = SigningKey.generate();
    private final JwksServer server;

    TestTokens() {
        server = new JwksServer("/.well-known/jwks.json", key.publicJwks());
    }

    public String jwksUrl() {
        return server.url();
    }

    /** A valid token for one hour. */
    public String mint(String userId, String organisationId, String... roles) {
        return key.mint(userId, userId + " (test)", organisationId, List.of(roles), Duration.ofHours(1));
    }

    /** A token that expired a minute ago. */
    public String expired(String userId, String organisationId, String... roles) {
        return key.sign(userId, userId, organisationId, List.of(roles), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1).plusMinutes(59));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public String signedByStranger(String userId, String organisationId, String... roles) {
        return stranger.mint(userId, userId, organisationId, List.of(roles), Duration.ofHours(1));
    }

    @Override
    public void close() {
        server.close();
    }
}
