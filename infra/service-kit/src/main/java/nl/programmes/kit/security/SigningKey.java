package nl.programmes.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
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
 * An RSA key that signs the platform's tokens (RS256). Tokens carry {@code sub}, {@code name},
 * {@code org} and {@code roles}, the claims every service reads. The portal keeps its keys in its
 * database; the local runtime keeps a development key in a file; the test kit makes one per JVM.
 */
public final class SigningKey {

    public static final String ISSUER = "programme-coordination";
    /**
     * The account's access stamp when the portal handed the token out. The portal admits only an account's current
     * stamp, so a change of roles or password, or disabling the account, ends its sessions; other services do not read it.
     */
    public static final String ACCESS_STAMP = "access";

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey generate() {
        try {
            return new SigningKey(new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    /** Reads a private JWK as written by {@link #toJson()}. */
    public static SigningKey fromJson(String json) {
        try {
            return new SigningKey(RSAKey.parse(json));
        } catch (ParseException e) {
            throw new IllegalStateException("Not an RSA JWK", e);
        }
    }

    /** Loads the key from the file, creating it on first use (the local runtime's development key). */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return fromJson(Files.readString(file));
            }
            SigningKey created = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, created.toJson());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kid() {
        return key.getKeyID();
    }

    /** The private key as JWK JSON: keep it secret. */
    public String toJson() {
        return key.toJSONString();
    }

    public JWK publicJwk() {
        return key.toPublicJWK();
    }

    /** The public half as a JWKS document. */
    public String publicJwks() {
        return new JWKSet(publicJwk()).toString();
    }

    public String mint(String userId, String displayName, String organisationId, List<String> roles, Duration validFor) {
        return sign(userId, displayName, organisationId, roles, Instant.now(), validFor);
    }

    /** A token for an account the portal keeps, with its access stamp. */
    public String mint(String userId, String displayName, String organisationId, List<String> roles, int accessStamp,
                       Duration validFor) {
        return sign(claims(userId, displayName, organisationId, roles, Instant.now(), validFor)
                .claim(ACCESS_STAMP, accessStamp).build());
    }

    public String sign(String userId, String displayName, String organisationId, List<String> roles,
                       Instant issuedAt, Duration validFor) {
        return sign(claims(userId, displayName, organisationId, roles, issuedAt, validFor).build());
    }

    private static JWTClaimsSet.Builder claims(String userId, String displayName, String organisationId, List<String> roles,
                                               Instant issuedAt, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer(ISSUER)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .claim("roles", roles);
        if (displayName != null) {
            claims.claim("name", displayName);
        }
        if (organisationId != null) {
            claims.claim("org", organisationId);
        }
        return claims;
    }

    /** Signs any claims: the test kit uses it to play an external identity provider. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }
}
