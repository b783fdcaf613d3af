package nl.programmes.portal.identity.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal checks its own tokens against its published keys directly, without fetching its JWKS. This runs
 * on the HTTP event loop (see the kit's defaults), so keys come parsed from memory and verifiers are kept.
 */
@Singleton
public class PortalSignature implements SignatureConfiguration {

    private final SigningKeys keys;
    private final Map<String, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

    public PortalSignature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only RS256 is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.RS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        Optional<JWK> key = keys.published(jwt.getHeader().getKeyID());
        return key.isPresent() && jwt.verify(verifier(key.get()));
    }

    /** One verifier per key, kept: a key id always names the same key, and keys are few. */
    private RSASSAVerifier verifier(JWK key) throws JOSEException {
        RSASSAVerifier verifier = verifiers.get(key.getKeyID());
        if (verifier == null) {
            verifier = new RSASSAVerifier(key.toRSAKey());
            verifiers.put(key.getKeyID(), verifier);
        }
        return verifier;
    }
}
