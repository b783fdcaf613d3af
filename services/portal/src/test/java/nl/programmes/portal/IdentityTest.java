package nl.programmes.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.Topics;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.kit.security.Caller;
import nl.programmes.kit.security.Roles;
import nl.programmes.portal.identity.application.AccountService;
import nl.programmes.portal.identity.application.DirectoryService;
import nl.programmes.portal.identity.domain.Organisation;
import nl.programmes.portal.identity.domain.UserAccount;
import nl.programmes.portal.identity.persistence.IdentityRepository;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityTest implements TestPropertyProvider {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Caller SETUP = new Caller(new Actor("test-setup", "Test setup", "platform"), Set.of(Roles.ADMIN));

    private final ServiceUnderTest portal = TestPlatform.get().service("portal");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DirectoryService directory;

    @Inject
    AccountService accounts;

    @Inject
    IdentityRepository repository;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(portal.properties());
        properties.put("platform.identity.bcrypt-cost", "4");
        properties.put("platform.identity.secure-cookie", "false");
        properties.put("platform.identity.throttle.per-account", "3");
        properties.put("platform.identity.access-refresh", "1s");
        return properties;
    }

    @BeforeAll
    void directoryWithAdminAndSaxion() {
        directory.register(Organisation.of("platform", "Platformbeheer", OrganisationKind.OTHER, null, null, List.of(), null, 1), SETUP);
        directory.register(Organisation.of("saxion", "Saxion Hogeschool", OrganisationKind.HBO_INSTITUTION, "23AH", null,
                List.of("Enschede", "Deventer", "Apeldoorn"), "Overijssel", 1), SETUP);
        accounts.create("admin", "Administrator", "platform", Set.of(Roles.ADMIN), PASSWORD, true);
        accounts.create("saxion-staff", "Saxion programme manager", "saxion", Set.of(Roles.INSTITUTION_STAFF), PASSWORD, true);
        accounts.create("guessed", "Target of guessing", "saxion", Set.of(Roles.CONSULTEE), PASSWORD, true);
        accounts.create("first-password", "Given a first password", "saxion", Set.of(Roles.CONSULTEE), PASSWORD, true);
    }

    @Test
    void aUserReplacesTheirFirstPasswordKnowingIt() {
        assertThat(http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login", Map.of("username", "first-password",
                "password", PASSWORD)), Map.class).get("firstPassword")).isEqualTo(true);
        String token = login("first-password");
        String chosen = "mijn-eigen-lange-wachtwoord";
        // A new one too short is malformed; a wrong current one is named as such: neither changes anything.
        assertThat(problemOf(token, Map.of("currentPassword", PASSWORD, "newPassword", "kort"), 400)).containsEntry("newPassword",
                "must be 12 to 200 characters");
        assertThat(problemOf(token, Map.of("currentPassword", "not-the-password", "newPassword", chosen), 422))
                .containsEntry("currentPassword", "is not the current password");
        assertThat(problemOf(token, Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD), 422))
                .containsEntry("newPassword", "must differ from the current password");
        assertThat(login("first-password")).isNotBlank();

        String elsewhere = login("first-password"); // say, a session left open on a shared computer
        HttpResponse<Map> changed = http.toBlocking().exchange(HttpRequest.POST("/api/auth/password",
                Map.of("currentPassword", PASSWORD, "newPassword", chosen)).bearerAuth(token), Map.class);
        assertThat(changed.getStatus().getCode()).isEqualTo(200);
        // Every session opened before ends, this one's token too; the answer carries the one that continues it.
        assertThat(sessionOf(token)).isEqualTo(401);
        assertThat(sessionOf(elsewhere)).isEqualTo(401);
        assertThat(sessionOf((String) changed.body().get("token"))).isEqualTo(200);
        // Given by an administrator, the password was a first one; the user's own is not.
        assertThat(changed.body().get("firstPassword")).isEqualTo(false);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/users/first-password").bearerAuth(login("admin")), Map.class)
                .get("firstPassword")).isEqualTo(false);
        HttpClientResponseException old = assertThrows(HttpClientResponseException.class, () -> login("first-password"));
        assertThat(old.getStatus().getCode()).isEqualTo(401);
        assertThat(http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login", Map.of("username", "first-password",
                "password", chosen)), Map.class).get("token")).isNotNull();
    }

    @Test
    void anAdministratorDisablesAUserAndSetsANewFirstPasswordForAForgottenOne() {
        String admin = login("admin");
        accounts.create("leaver", "Leaves Saxion", "saxion", Set.of(Roles.CONSULTEE), PASSWORD, true);
        List<Map> users = http.toBlocking().retrieve(HttpRequest.GET("/api/users?organisation=saxion").bearerAuth(admin),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(users).extracting(u -> u.get("id")).contains("saxion-staff", "leaver");
        assertThat(users).filteredOn(u -> u.get("id").equals("leaver")).singleElement()
                .satisfies(u -> assertThat(u.get("enabled")).isEqualTo(true));
        // An administrator tells an account in use from one left behind.
        assertThat(users).filteredOn(u -> u.get("id").equals("leaver")).singleElement()
                .satisfies(u -> assertThat(u.get("lastSignedIn")).isNull());
        Instant beforeSignIn = Instant.now().minusSeconds(1);
        login("leaver");
        assertThat(Instant.parse((String) http.toBlocking().retrieve(HttpRequest.GET("/api/users/leaver").bearerAuth(admin), Map.class)
                .get("lastSignedIn"))).isAfter(beforeSignIn);

        Map<?, ?> disabled = http.toBlocking().retrieve(HttpRequest.PATCH("/api/users/leaver", Map.of("enabled", false))
                .bearerAuth(admin), Map.class);
        assertThat(disabled.get("enabled")).isEqualTo(false);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> login("leaver"));
        assertThat(refused.getStatus().getCode()).isEqualTo(401);

        // Back, with a new first password for the one forgotten, and other roles.
        String fresh = "een-nieuw-eerste-wachtwoord";
        Map<?, ?> back = http.toBlocking().retrieve(HttpRequest.PATCH("/api/users/leaver", Map.of("enabled", true,
                "password", fresh, "roles", List.of("CONSULTEE", "INSTITUTION_STAFF"))).bearerAuth(admin), Map.class);
        assertThat((List<Object>) back.get("roles")).containsExactlyInAnyOrder("CONSULTEE", "INSTITUTION_STAFF");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/users/leaver").bearerAuth(admin), Map.class))
                .containsEntry("name", "Leaves Saxion").containsEntry("enabled", true).containsEntry("firstPassword", true)
                .doesNotContainKey("password");
        assertThat(http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login", Map.of("username", "leaver", "password", fresh)),
                Map.class).get("token")).isNotNull();

        // An administrator does not lock the platform out through their own account; others may not change users at all.
        HttpClientResponseException self = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/api/users/admin", Map.of("enabled", false)).bearerAuth(admin), Map.class));
        assertThat(self.getStatus().getCode()).isEqualTo(422);
        assertThat(self.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"enabled\"");
        HttpClientResponseException notAdmin = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/api/users/leaver", Map.of("enabled", false)).bearerAuth(login("saxion-staff")), Map.class));
        assertThat(notAdmin.getStatus().getCode()).isEqualTo(403);
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/api/users/nobody", Map.of("enabled", false)).bearerAuth(admin), Map.class));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        HttpClientResponseException shortPassword = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PATCH("/api/users/leaver", Map.of("password", "kort", "roles", List.of("BOSS"))).bearerAuth(admin), Map.class));
        assertThat(shortPassword.getStatus().getCode()).isEqualTo(400);
        assertThat(shortPassword.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"password\"")
                .contains("\"field\":\"roles[0]\"");
    }

    @Test
    void aChangeToWhatAnAccountMayDoEndsItsOpenSessionsAtOnce() {
        String admin = login("admin");
        accounts.create("mover", "Changes roles", "saxion", Set.of(Roles.CONSULTEE), PASSWORD, true);
        String first = login("mover");

        patch("mover", Map.of("name", "Changes roles, renamed"), admin);
        assertThat(sessionOf(first)).as("a new name ends no session").isEqualTo(200);

        patch("mover", Map.of("roles", List.of("INSTITUTION_STAFF")), admin);
        assertThat(sessionOf(first)).as("by bearer token").isEqualTo(401);
        HttpClientResponseException byCookie = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/auth/me").cookie(io.micronaut.http.cookie.Cookie.of("session", first)), Map.class));
        assertThat(byCookie.getStatus().getCode()).isEqualTo(401);
        String page = http.toBlocking().retrieve(HttpRequest.GET("/account").cookie(io.micronaut.http.cookie.Cookie.of("session", first)));
        assertThat(page).as("a page asks to sign in again, saying why").contains("action=\"/sign-in\"")
                .contains("Uw sessie is verlopen of beëindigd");
        String second = login("mover");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(second), Map.class).get("roles"))
                .isEqualTo(List.of("INSTITUTION_STAFF"));

        patch("mover", Map.of("enabled", false), admin);
        assertThat(sessionOf(second)).as("disabled").isEqualTo(401);
        patch("mover", Map.of("enabled", true), admin);
        assertThat(sessionOf(second)).as("enabled again, the session ended stays ended").isEqualTo(401);
        assertThat(sessionOf(login("mover"))).isEqualTo(200);
    }

    @Test
    void anotherPortalInstancesChangeEndsSessionsHereWithinTheRefresh() {
        accounts.create("elsewhere", "Changed on another instance", "saxion", Set.of(Roles.CONSULTEE), PASSWORD, true);
        String token = login("elsewhere");
        UserAccount account = repository.user("elsewhere").orElseThrow();
        // Written straight to the database, as another portal instance would: this one learns it on its next read.
        repository.update(account.changedTo(account.displayName(), account.roles(), account.passwordHash(), false),
                account.accessStamp());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sessionOf(token)).isEqualTo(401));
    }

    private void patch(String user, Map<String, Object> change, String admin) {
        http.toBlocking().exchange(HttpRequest.PATCH("/api/users/" + user, change).bearerAuth(admin), Map.class);
    }

    /** What the portal answers a token: 200 while its session is open, 401 once it has ended. */
    private int sessionOf(String token) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/auth/me").bearerAuth(token), Map.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The field errors of a refused password change, which must answer {@code status}. */
    private Map<String, String> problemOf(String token, Map<String, String> body, int status) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/auth/password", body).bearerAuth(token), Map.class));
        assertThat(refused.getStatus().getCode()).isEqualTo(status);
        Map<String, String> fields = new HashMap<>();
        for (Object e : (List<?>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors")) {
            fields.put((String) ((Map<?, ?>) e).get("field"), (String) ((Map<?, ?>) e).get("message"));
        }
        return fields;
    }

    @Test
    void loginGivesATokenAndAnHttpOnlySessionCookieThatBothIdentifyTheUser() {
        HttpResponse<Map> login = http.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                Map.of("username", "saxion-staff", "password", PASSWORD)), Map.class);

        String token = (String) login.body().get("token");
        String cookie = login.getHeaders().get("Set-Cookie");
        assertThat(cookie).startsWith("session=" + token).containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
        Map<?, ?> byBearer = http.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(token), Map.class);
        Map<?, ?> byCookie = http.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").cookie(
                io.micronaut.http.cookie.Cookie.of("session", token)), Map.class);
        assertThat(byBearer).isEqualTo(byCookie);
        assertThat(byBearer.get("organisation")).isEqualTo("saxion");
        assertThat(byBearer.get("roles")).isEqualTo(List.of("INSTITUTION_STAFF"));

        HttpResponse<?> logout = http.toBlocking().exchange(HttpRequest.POST("/api/auth/logout", ""));
        assertThat(logout.getHeaders().get("Set-Cookie")).startsWith("session=;").contains("Max-Age=0");
    }

    @Test
    void wrongPasswordsAreRefusedAndThenThrottled() {
        for (int i = 0; i < 3; i++) {
            HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.POST("/api/auth/login", Map.of("username", "guessed", "password", "guess")), Map.class));
            assertThat(wrong.getStatus().getCode()).isEqualTo(401);
        }

        HttpClientResponseException throttled = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/auth/login", Map.of("username", "guessed", "password", PASSWORD)), Map.class));

        assertThat(throttled.getStatus().getCode()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.getResponse().getHeaders().get("Retry-After"))).isPositive();
    }

    @Test
    void adminRegistersAndUpdatesOrganisationsWhichArePublished() {
        String admin = login("admin");
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/organisations", Map.of(
                "id", "rocvantwente", "name", "ROC van Twente", "kind", "PARTNER_SCHOOL",
                "locations", List.of("Hengelo", "Enschede", "Almelo"), "region", "Overijssel")).bearerAuth(admin), Map.class);
        assertThat(created.code()).isEqualTo(201);

        HttpResponse<Map> updated = http.toBlocking().exchange(HttpRequest.PUT("/api/organisations/rocvantwente", Map.of(
                "id", "rocvantwente", "name", "ROC van Twente", "kind", "PARTNER_SCHOOL", "kvk", "41029339",
                "locations", List.of("Hengelo", "Enschede", "Almelo"), "region", "Overijssel"))
                .header("If-Match", "\"1\"").bearerAuth(admin), Map.class);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        // The relay publishes a moment after the commit, and the topic holds other tests' events too: wait until
        // this test's events are there, rather than for a count of records.
        TestPlatform.eventually().untilAsserted(() -> {
            List<EventProbe.Published> events = EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                    portal.topic(Topics.ORGANISATIONS));
            assertThat(events).filteredOn(e -> "rocvantwente".equals(e.key())).extracting(e -> e.event().type())
                    .containsExactly("nl.programmes.organisation.registered.v1", "nl.programmes.organisation.updated.v1");
            assertThat(events).filteredOn(e -> "rocvantwente".equals(e.key()))
                    .allSatisfy(e -> assertThat(e.body()).contains("\"actor\":{\"userId\":\"admin\""));
        });
    }

    @Test
    void onlyAdminsChangeTheDirectoryAndBadInputNamesItsFields() {
        String staff = login("saxion-staff");
        HttpClientResponseException denied = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/organisations", Map.of("id", "fake", "name", "Fake", "kind", "OTHER",
                        "locations", List.of())).bearerAuth(staff), Map.class));
        assertThat(denied.getStatus().getCode()).isEqualTo(403);
        assertThat(portal.count("SELECT COUNT(*) FROM organisation WHERE id = 'fake'")).isZero();

        HttpClientResponseException invalid = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/organisations", Map.of("id", "Not Valid", "name", "", "kind", "SCHOOL",
                        "brin", "23", "locations", List.of())).bearerAuth(login("admin")), Map.class));
        assertThat(invalid.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> problem = invalid.getResponse().getBody(Map.class).orElseThrow();
        assertThat(((List<?>) problem.get("errors")).stream().map(e -> (Object) ((Map<?, ?>) e).get("field")))
                .containsExactlyInAnyOrder("id", "name", "kind", "brin");

        // A steering committee with a BRIN code and a municipality twice breaks the entry's rules: named together
        // with the malformed id, not after it is mended.
        HttpClientResponseException rulesToo = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/organisations", Map.of("id", "Stuurgroep X", "name", "Stuurgroep X",
                        "kind", "STEERING_COMMITTEE", "brin", "23AH", "locations", List.of("Zwolle", "Zwolle"))).bearerAuth(login("admin")), Map.class));
        assertThat(rulesToo.getStatus().getCode()).isEqualTo(400);
        assertThat(rulesToo.getResponse().getBody(String.class).orElseThrow())
                .contains("{\"field\":\"brin\",\"message\":\"only schools and institutions have a BRIN code\"}")
                .contains("{\"field\":\"id\",")
                .contains("{\"field\":\"locations\",\"message\":\"must not name a municipality twice\"}");
        assertThat(portal.count("SELECT COUNT(*) FROM organisation WHERE name = 'Stuurgroep X'")).isZero();
    }

    @Test
    void rotatedKeysKeepEarlierTokensValid() {
        String before = login("saxion-staff");
        Map<?, ?> jwksBefore = http.toBlocking().retrieve("/.well-known/jwks.json", Map.class);

        http.toBlocking().retrieve(HttpRequest.POST("/api/auth/keys/rotation", "").bearerAuth(login("admin")), Map.class);
        String after = login("saxion-staff");

        Map<?, ?> jwksAfter = http.toBlocking().retrieve("/.well-known/jwks.json", Map.class);
        assertThat((List<?>) jwksAfter.get("keys")).hasSize(((List<?>) jwksBefore.get("keys")).size() + 1);
        for (String token : List.of(before, after)) {
            assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/auth/me").bearerAuth(token), Map.class)
                    .get("id")).isEqualTo("saxion-staff");
        }
    }

    @Test
    void tokensFromElsewhereAreUnauthorised() {
        String stranger = TestPlatform.get().tokens().signedByStranger("saxion-staff", "saxion", "ADMIN");
        String valid = login("saxion-staff");
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("INSTITUTION_STAFF", "ADMIN")
                        .getBytes()) + "." + parts[2];
        for (String token : List.of(stranger, tampered)) {
            HttpClientResponseException error = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.GET("/api/organisations").bearerAuth(token), Argument.listOf(Map.class)));
            assertThat(error.getStatus().getCode()).isEqualTo(401);
        }
    }

    private String login(String user) {
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/auth/login",
                Map.of("username", user, "password", PASSWORD)), Map.class).get("token");
    }
}
