package nl.programmes.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import nl.programmes.kit.security.SigningKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for an external OIDC provider such as SURFconext: its own issuer name, its own key and
 * JWKS on loopback, and tokens with whatever claims that provider would send. Never a live federation.
 */
public final class FakeIssuer implements AutoCloseable {

    private final String issuer;
    private final SigningKey key = SigningKey.generate();
    private final JwksServer server;

    public FakeIssuer(String issuer) {
        this.issuer = issuer;
        server = new JwksServer("/oidc/jwks", key.publicJwks());
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return server.url();
    }

    /** A token for the subject with the provider's own claims, valid for an hour. */
    public String token(String subject, Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        claims.forEach(builder::claim);
        return key.sign(builder.build());
    }

    @Override
    public void close() {
        server.close();
    }
}
