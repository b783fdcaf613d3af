package nl.programmes.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Token signatures against a JWKS address served by the test: which checks stay on the caller's thread, and when keys are fetched. */
class RefreshingJwksSignatureTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<List<RSAKey>> published = new AtomicReference<>();
    private final ExecutorService blocking = Executors.newFixedThreadPool(2, r -> new Thread(r, "blocking-test"));
    private HttpServer jwks;
    // Generating RSA keys is slow on a small machine: once for the class.
    private static final RSAKey FIRST = generate("first");
    private static final RSAKey SECOND = generate("second");
    private static final RSAKey IMPOSTOR = generate("first");
    private static final RSAKey UNKNOWN = generate("unknown");

    @BeforeEach
    void serveKeys() throws Exception {
        published.set(List.of(FIRST));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published.get().stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                    .toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
        blocking.shutdownNow();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RefreshingJwksSignature signature(Duration maxAge) {
        return new RefreshingJwksSignature("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json", maxAge, blocking);
    }

    private static SignedJWT token(RSAKey key) throws JOSEException, ParseException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("saxion-staff").build());
        jwt.sign(new RSASSASigner(key));
        return SignedJWT.parse(jwt.serialize());
    }

    /** The verdict and the thread that gave it. */
    private record Verdict(boolean valid, String thread) {
    }

    private static Verdict check(RefreshingJwksSignature signature, SignedJWT jwt) {
        return Mono.from(signature.verify(jwt)).map(valid -> new Verdict(valid, Thread.currentThread().getName())).block(Duration.ofSeconds(10));
    }

    @Test
    void aTokenSignedWithACachedKeyIsCheckedOnTheCallersThreadWithoutFetching() throws Exception {
        RefreshingJwksSignature signature = signature(Duration.ofMinutes(5));
        SignedJWT jwt = token(FIRST);

        Verdict firstCheck = check(signature, jwt);
        assertThat(firstCheck.valid()).isTrue();
        assertThat(firstCheck.thread()).as("the first token needs a fetch, off the caller's thread").isEqualTo("blocking-test");

        Verdict again = check(signature, jwt);
        assertThat(again.valid()).isTrue();
        assertThat(again.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aKeyPublishedAfterARotationIsAcceptedFromItsFirstToken() throws Exception {
        RefreshingJwksSignature signature = signature(Duration.ofMinutes(5));
        assertThat(check(signature, token(FIRST)).valid()).isTrue();

        published.set(List.of(FIRST, SECOND));
        Thread.sleep(150); // unknown key ids may fetch again after 100 ms
        assertThat(check(signature, token(SECOND)).valid()).isTrue();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void forgedAndUnknownTokensAreRefusedAndUnknownKeyIdsCannotMakeItFetchMoreThanTenTimesASecond() throws Exception {
        RefreshingJwksSignature signature = signature(Duration.ofMinutes(5));
        assertThat(check(signature, token(FIRST)).valid()).isTrue();

        assertThat(check(signature, token(IMPOSTOR)).valid()).as("right key id, wrong key").isFalse();

        SignedJWT unknownToken = token(UNKNOWN);
        for (int i = 0; i < 20; i++) {
            assertThat(check(signature, unknownToken).valid()).isFalse();
        }
        assertThat(fetches.get()).as("20 unknown tokens in well under 100 ms").isLessThanOrEqualTo(2);
    }

    @Test
    void aStaleKeySetKeepsServingWhileItIsRefreshedInTheBackground() throws Exception {
        RefreshingJwksSignature signature = signature(Duration.ZERO);
        SignedJWT jwt = token(FIRST);
        assertThat(check(signature, jwt).valid()).isTrue();

        Thread.sleep(150);
        Verdict stale = check(signature, jwt);
        assertThat(stale.valid()).isTrue();
        assertThat(stale.thread()).as("served from the cache while it refreshes").isEqualTo(Thread.currentThread().getName());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fetches.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsKeyIsWithdrawn() throws Exception {
        RefreshingJwksSignature signature = signature(Duration.ZERO);
        SignedJWT jwt = token(FIRST);
        assertThat(check(signature, jwt).valid()).isTrue();
        assertThat(check(signature, jwt).valid()).as("remembered").isTrue();

        published.set(List.of(SECOND)); // the first key is withdrawn
        Thread.sleep(150);
        check(signature, jwt); // a stale set: this check starts the refresh in the background
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (check(signature, jwt).valid() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(check(signature, jwt).valid()).as("the key is gone, so the remembered verdict no longer applies").isFalse();
        assertThat(check(signature, SignedJWT.parse(token(IMPOSTOR).serialize())).valid()).isFalse();
    }
}
