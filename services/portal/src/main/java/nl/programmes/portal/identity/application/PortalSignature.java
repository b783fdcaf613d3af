package nl.programmes.portal.identity.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The portal checks its own tokens against its published keys directly, without fetching its JWKS. */
@Singleton
public class PortalSignature implements SignatureConfiguration {

    private final SigningKeys keys;

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
        return key.isPresent() && jwt.verify(new RSASSAVerifier(key.get().toRSAKey()));
    }
}
