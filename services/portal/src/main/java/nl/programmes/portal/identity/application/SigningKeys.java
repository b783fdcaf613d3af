package nl.programmes.portal.identity.application;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.programmes.kit.security.SigningKey;
import nl.programmes.portal.identity.persistence.IdentityRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The portal's signing keys, kept in its database. The newest key signs; after a rotation the
 * previous key stays published in the JWKS until every token it signed has expired, so rotation
 * never breaks a valid token. Locally the first key is the runtime's development key file
 * ({@code platform.signing-key-file}), so tokens from {@code ./platform token} work too.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final IdentityRepository repository;
    private final Clock clock;
    private final String keyFile;
    private final Duration tokenLifetime;
    private volatile List<Loaded> cached;

    /** A stored key with its public half parsed once: tokens are checked against it on the HTTP event loop. */
    private record Loaded(IdentityRepository.StoredKey stored, JWK publicJwk) {
    }

    public SigningKeys(IdentityRepository repository, Clock clock,
                       @Value("${platform.signing-key-file:}") String keyFile,
                       @Value("${platform.identity.token-lifetime:1h}") Duration tokenLifetime) {
        this.repository = repository;
        this.clock = clock;
        this.keyFile = keyFile;
        this.tokenLifetime = tokenLifetime;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** The key that signs new tokens. */
    public SigningKey current() {
        return SigningKey.fromJson(keys().get(0).stored().jwk());
    }

    /** Every key whose tokens may still be valid. */
    public List<JWK> published() {
        Instant cutoff = clock.instant().minus(tokenLifetime).minus(CLOCK_SKEW);
        return keys().stream()
                .filter(k -> k.stored().retiredAt() == null || k.stored().retiredAt().isAfter(cutoff))
                .map(Loaded::publicJwk)
                .toList();
    }

    public Optional<JWK> published(String kid) {
        return published().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    public String publicJwks() {
        return new JWKSet(published()).toString();
    }

    /** Starts signing with a new key; the old one stays published until its tokens expire. */
    public synchronized String rotate() {
        SigningKey next = SigningKey.generate();
        repository.addSigningKey(next.kid(), next.toJson(), clock.instant());
        cached = load(); // read here, not by the next token check
        LOG.info("Rotated signing key; now signing with {}", next.kid());
        return next.kid();
    }

    private List<Loaded> keys() {
        List<Loaded> keys = cached;
        if (keys == null) {
            keys = load();
            cached = keys;
        }
        return keys;
    }

    private synchronized List<Loaded> load() {
        List<IdentityRepository.StoredKey> keys = repository.signingKeys();
        if (keys.isEmpty()) {
            SigningKey first = keyFile == null || keyFile.isBlank() ? SigningKey.generate()
                    : SigningKey.loadOrCreate(Path.of(keyFile));
            repository.addSigningKey(first.kid(), first.toJson(), clock.instant());
            keys = repository.signingKeys();
        }
        return keys.stream().map(k -> new Loaded(k, SigningKey.fromJson(k.jwk()).publicJwk())).toList();
    }
}
