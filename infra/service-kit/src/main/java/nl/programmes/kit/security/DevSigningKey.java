package nl.programmes.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A development-only RSA signing key: the local runtime keeps one under its data directory, the test
 * kit makes one per JVM. Tokens it mints carry {@code sub}, {@code name}, {@code org} and
 * {@code roles}, the claims every service reads. Never used in production, where the portal's own
 * keys (or an external OIDC provider) sign tokens.
 */
public final class DevSigningKey {

    private final RSAKey key;

    private DevSigningKey(RSAKey key) {
        this.key = key;
    }

    public static DevSigningKey generate() {
        try {
            return new DevSigningKey(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyID("dev-" + UUID.randomUUID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    /** Loads the key from the file, creating it on first use. */
    public static DevSigningKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new DevSigningKey(RSAKey.parse(Files.readString(file)));
            }
            DevSigningKey created = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, created.key.toJSONString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Not a JWK: " + file, e);
        }
    }

    /** The public half as a JWKS document. */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String mint(String userId, String displayName, String organisationId, List<String> roles, Duration validFor) {
        return sign(userId, displayName, organisationId, roles, Instant.now(), validFor);
    }

    public String sign(String userId, String displayName, String organisationId, List<String> roles,
                       Instant issuedAt, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer("programme-coordination-dev")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .claim("roles", roles);
        if (displayName != null) {
            claims.claim("name", displayName);
        }
        if (organisationId != null) {
            claims.claim("org", organisationId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }
}
