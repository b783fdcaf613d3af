package nl.programmes.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies tokens against the signing keys published at one or more JWKS addresses (the portal's,
 * and an external identity provider's). Keys are cached; a token whose {@code kid} is not in the
 * cache makes it fetch again at once (at most ten times a second per address), so a key the portal
 * starts signing with after a rotation is accepted from its first token.
 */
@Singleton
@Requires(property = "platform.identity.jwks-urls")
public class RefreshingJwksSignature implements SignatureConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingJwksSignature.class);
    // Bounds how often unknown key ids can make us fetch, without delaying a freshly rotated key.
    private static final Duration MIN_REFETCH = Duration.ofMillis(100);

    private final List<String> urls;
    private final Duration maxAge;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<RSAKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

    private record Cached(JWKSet keys, long fetchedAt) {
    }

    public RefreshingJwksSignature(@Value("${platform.identity.jwks-urls}") String urls,
                                   @Value("${platform.identity.jwks-max-age:5m}") Duration maxAge) {
        this.urls = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        this.maxAge = maxAge;
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
        String kid = jwt.getHeader().getKeyID();
        Optional<JWK> key = find(kid, false);
        if (key.isEmpty()) {
            key = find(kid, true);
        }
        if (key.isEmpty() || !(key.get() instanceof RSAKey rsa)) {
            return false;
        }
        return jwt.verify(verifier(rsa));
    }

    /**
     * One verifier per key, kept: building it decodes the key's modulus and exponent, which profiling showed
     * as a tenth of a request's CPU when done per token. Keys are few; the map is emptied if it ever grows.
     */
    private RSASSAVerifier verifier(RSAKey key) throws JOSEException {
        RSASSAVerifier verifier = verifiers.get(key);
        if (verifier == null) {
            if (verifiers.size() > 100) {
                verifiers.clear();
            }
            verifier = new RSASSAVerifier(key);
            verifiers.put(key, verifier);
        }
        return verifier;
    }

    private Optional<JWK> find(String kid, boolean refresh) {
        for (String url : urls) {
            JWKSet keys = keys(url, refresh);
            if (keys != null) {
                JWK key = kid == null ? (keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null) : keys.getKeyByKeyId(kid);
                if (key != null) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    private JWKSet keys(String url, boolean refresh) {
        long now = System.nanoTime();
        Cached cached = cache.get(url);
        boolean stale = cached == null || now - cached.fetchedAt() > maxAge.toNanos();
        boolean mayRefetch = cached == null || now - cached.fetchedAt() > MIN_REFETCH.toNanos();
        if (stale || (refresh && mayRefetch)) {
            try {
                JWKSet fetched = JWKSet.load(URI.create(url).toURL(), 2_000, 5_000, 512 * 1024);
                cached = new Cached(fetched, now);
                cache.put(url, cached);
            } catch (IOException | ParseException e) {
                LOG.warn("Could not fetch signing keys from {}: {}", url, e.toString());
            }
        }
        return cached == null ? null : cached.keys();
    }
}
