package nl.programmes.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import nl.programmes.testkit.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's command endpoints against every kind of caller: only admins change the directory, users and keys. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAuthorisationMatrixTest implements TestPropertyProvider {

    private final ServiceUnderTest portal = TestPlatform.get().service("portal");
    private final TestTokens tokens = TestPlatform.get().tokens();
    private final AtomicInteger sequence = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(portal.properties());
        properties.put("platform.identity.bcrypt-cost", "4");
        return properties;
    }

    @TestFactory
    List<DynamicTest> everyCommandForEveryCaller() {
        Map<String, Object[]> callers = new LinkedHashMap<>();
        callers.put("admin", new Object[]{tokens.mint("admin", "platform", "ADMIN"), 2});
        callers.put("institution staff", new Object[]{tokens.mint("saxion-staff", "saxion", "INSTITUTION_STAFF"), 403});
        callers.put("consultee", new Object[]{tokens.mint("hu-adviser", "hu", "CONSULTEE"), 403});
        callers.put("steering member", new Object[]{tokens.mint("secretary", "stuurgroep-ad-ci", "STEERING_MEMBER"), 403});
        callers.put("expired admin token", new Object[]{tokens.expired("admin", "platform", "ADMIN"), 401});
        callers.put("no token", new Object[]{null, 401});
        Map<String, Supplier<MutableHttpRequest<?>>> commands = new LinkedHashMap<>();
        commands.put("register an organisation", () -> HttpRequest.POST("/api/organisations", Map.of("id", "org-" + sequence.incrementAndGet(),
                "name", "Organisation", "kind", "OTHER", "locations", List.of())));
        commands.put("create a user", () -> HttpRequest.POST("/api/users", Map.of("id", "user-" + sequence.incrementAndGet(),
                "name", "User", "organisation", adminOrganisation(), "roles", List.of("CONSULTEE"),
                "password", "a long enough password")));
        commands.put("rotate the signing key", () -> HttpRequest.POST("/api/auth/keys/rotation", ""));
        // Each time the opposite of what the account is: a caller let through would change it, and the counts would show it.
        commands.put("disable or enable a user", () -> HttpRequest.PATCH("/api/users/" + target(), Map.of("enabled",
                portal.count("SELECT COUNT(*) FROM app_user WHERE id = 'matrix-target' AND enabled") == 0)));
        List<DynamicTest> tests = new ArrayList<>();
        commands.forEach((command, request) -> callers.forEach((caller, spec) -> tests.add(DynamicTest.dynamicTest(
                command + " by " + caller, () -> {
                    MutableHttpRequest<?> prepared = request.get();
                    Map<String, Long> before = counts();
                    String token = (String) spec[0];
                    int status;
                    try {
                        MutableHttpRequest<?> sent = token == null ? prepared : prepared.bearerAuth(token);
                        status = http.toBlocking().exchange(sent, Map.class).code();
                    } catch (HttpClientResponseException e) {
                        status = e.getStatus().getCode();
                    }
                    if ((int) spec[1] == 2) {
                        assertThat(status / 100).isEqualTo(2);
                    } else {
                        assertThat(status).isEqualTo((int) spec[1]);
                        assertThat(counts()).isEqualTo(before);
                    }
                }))));
        return tests;
    }

    private String adminOrganisation() {
        if (portal.count("SELECT COUNT(*) FROM organisation WHERE id = 'platform'") == 0) {
            http.toBlocking().exchange(HttpRequest.POST("/api/organisations", Map.of("id", "platform", "name", "Platformbeheer",
                    "kind", "OTHER", "locations", List.of())).bearerAuth(tokens.mint("admin", "platform", "ADMIN")), Map.class);
        }
        return "platform";
    }

    private String target() {
        if (portal.count("SELECT COUNT(*) FROM app_user WHERE id = 'matrix-target'") == 0) {
            http.toBlocking().exchange(HttpRequest.POST("/api/users", Map.of("id", "matrix-target", "name", "Target",
                    "organisation", adminOrganisation(), "roles", List.of("CONSULTEE"), "password", "a long enough password"))
                    .bearerAuth(tokens.mint("admin", "platform", "ADMIN")), Map.class);
        }
        return "matrix-target";
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("organisation", "app_user", "signing_key", "outbox")) {
            counts.put(table, portal.count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("enabled users", portal.count("SELECT COUNT(*) FROM app_user WHERE enabled"));
        return counts;
    }
}
