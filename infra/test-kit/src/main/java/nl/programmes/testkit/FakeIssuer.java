package nl.programmes.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import nl.programmes.kit.security.SigningKey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
    private final HttpServer server;

    public FakeIssuer(String issuer) {
        this.issuer = issuer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = key.publicJwks().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oidc/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oidc/jwks";
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
        server.stop(0);
    }
}
