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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Verifies tokens against the signing keys published at one or more JWKS addresses (the portal's,
 * and an external identity provider's). Keys are cached; a token whose {@code kid} is not in the
 * cache makes it fetch again at once (at most ten times a second per address), so a key the portal
 * starts signing with after a rotation is accepted from its first token.
 * <p>
 * Reactive so that the usual case costs no thread hand-off: a token signed with a cached key is checked
 * on the calling thread (the HTTP event loop, see {@code reactive-validator-execute-on-blocking} in the
 * kit's defaults). Only a fetch (an unknown key, or the first token) goes to the blocking pool, and a
 * cached set older than {@code platform.identity.jwks-max-age} is refreshed in the background while it
 * keeps serving.
 * <p>
 * A token that verified with a key is remembered with that key: the same token checked again with an equal key
 * gives the same answer, so it is not checked again. A key that is withdrawn from the set is no longer found for
 * the token's {@code kid}, and the token is refused as before. Profiling the announcements service at 200
 * commands a second showed the RSA check as about a tenth of its CPU; people send the same token with every
 * request of a session.
 */
@Singleton
@Requires(property = "platform.identity.jwks-urls")
public class RefreshingJwksSignature implements ReactiveSignatureConfiguration<SignedJWT> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingJwksSignature.class);
    // Bounds how often unknown key ids can make us fetch, without delaying a freshly rotated key.
    private static final Duration MIN_REFETCH = Duration.ofMillis(100);

    private final List<String> urls;
    private final Duration maxAge;
    private final ExecutorService blocking;
    private final Scheduler blockingScheduler;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> attempts = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<RSAKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();
    /** Serialised token → the key it verified with. Bounded: emptied when it grows past {@link #REMEMBERED_TOKENS}. */
    private final Map<String, RSAKey> verified = new ConcurrentHashMap<>();
    private static final int REMEMBERED_TOKENS = 10_000;

    private record Cached(JWKSet keys, long fetchedAt) {
    }

    public RefreshingJwksSignature(@Value("${platform.identity.jwks-urls}") String urls,
                                   @Value("${platform.identity.jwks-max-age:5m}") Duration maxAge,
                                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.urls = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        this.maxAge = maxAge;
        this.blocking = blocking;
        this.blockingScheduler = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Boolean> verify(SignedJWT jwt) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Mono.just(false);
        }
        String kid = jwt.getHeader().getKeyID();
        Optional<JWK> cached = cached(kid);
        if (cached.isPresent()) {
            return Mono.just(verify(jwt, cached.get()));
        }
        return Mono.fromCallable(() -> fetched(kid).map(key -> verify(jwt, key)).orElse(false)).subscribeOn(blockingScheduler);
    }

    private boolean verify(SignedJWT jwt, JWK key) {
        if (!(key instanceof RSAKey rsa)) {
            return false;
        }
        String token = jwt.getParsedString();
        if (token != null && rsa.equals(verified.get(token))) {
            return true;
        }
        try {
            boolean valid = jwt.verify(verifier(rsa));
            if (valid && token != null) {
                if (verified.size() >= REMEMBERED_TOKENS) {
                    verified.clear();
                }
                verified.put(token, rsa);
            }
            return valid;
        } catch (JOSEException e) {
            LOG.debug("Token signature not checkable: {}", e.getMessage());
            return false;
        }
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

    /** The key from what is cached, without any I/O; a stale set is refreshed in the background. */
    private Optional<JWK> cached(String kid) {
        long now = System.nanoTime();
        for (String url : urls) {
            Cached cached = cache.get(url);
            if (cached == null) {
                continue;
            }
            if (now - cached.fetchedAt() > maxAge.toNanos() && mayAttempt(url, now) && refreshing.add(url)) {
                blocking.execute(() -> {
                    try {
                        fetch(url, System.nanoTime());
                    } finally {
                        refreshing.remove(url);
                    }
                });
            }
            JWK key = find(cached.keys(), kid);
            if (key != null) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The key after fetching every address whose set is missing or may be fetched again; blocking. */
    private Optional<JWK> fetched(String kid) {
        long now = System.nanoTime();
        for (String url : urls) {
            Cached cached = cache.get(url);
            if (cached == null || mayAttempt(url, now)) {
                cached = fetch(url, now);
            }
            JWK key = cached == null ? null : find(cached.keys(), kid);
            if (key != null) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private boolean mayAttempt(String url, long now) {
        Long last = attempts.get(url);
        return last == null || now - last > MIN_REFETCH.toNanos();
    }

    private Cached fetch(String url, long now) {
        attempts.put(url, now);
        try {
            Cached fetched = new Cached(JWKSet.load(URI.create(url).toURL(), 2_000, 5_000, 512 * 1024), now);
            cache.put(url, fetched);
            return fetched;
        } catch (IOException | ParseException e) {
            LOG.warn("Could not fetch signing keys from {}: {}", url, e.toString());
            return cache.get(url);
        }
    }

    private static JWK find(JWKSet keys, String kid) {
        return kid == null ? (keys.getKeys().size() == 1 ? keys.getKeys().get(0) : null) : keys.getKeyByKeyId(kid);
    }
}
