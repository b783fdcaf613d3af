package nl.programmes.platform;

import nl.programmes.runtime.Ports;
import nl.programmes.testkit.RunningService;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real sign-in across real services: a demo user signs in at the portal, and the announcements
 * service accepts the portal's token (validated against the portal's JWKS), through the gateway by
 * bearer token and by session cookie, and still after the portal rotates its signing key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAcrossServicesTest {

    private static final String DEMO_PASSWORD = "demo-only-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService portal;
    private RunningService announcements;

    @BeforeAll
    void startPortalAndAnnouncements() {
        Path root = Path.of(System.getProperty("platform.root"));
        Map<String, ServiceUnderTest> slices = TestPlatform.get().services("portal", "announcements");
        int portalPort = Ports.free();
        int announcementsPort = Ports.free();
        String jwks = "http://127.0.0.1:" + portalPort + "/.well-known/jwks.json";
        CompletableFuture<RunningService> announcing = CompletableFuture.supplyAsync(() -> RunningService.start(
                slices.get("announcements"), root, announcementsPort, Map.of("JWKS_URL", jwks,
                        "ENDED_SESSIONS_URL", "http://127.0.0.1:" + portalPort + "/.well-known/ended-sessions",
                        "PLATFORM_IDENTITY_ACCESS_REFRESH", "1s")));
        portal = RunningService.start(slices.get("portal"), root, portalPort, Map.of(
                "MICRONAUT_ENVIRONMENTS", "local",
                "ANNOUNCEMENTS_URL", "http://127.0.0.1:" + announcementsPort));
        announcements = announcing.join();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        if (announcements != null) {
            announcements.close();
        }
    }

    @Test
    void portalTokensWorkAtTheServicesBeforeAndAfterKeyRotation() throws Exception {
        HttpResponse<String> login = login("saxion-staff");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = field(login.body(), "token");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        assertThat(announce("Bearer " + token, null, "SIGN-1").statusCode()).isEqualTo(201);
        assertThat(announce(null, cookie, "SIGN-2").statusCode()).isEqualTo(201);
        assertThat(announce("Bearer " + field(login("han-staff").body(), "token"), null, "SIGN-3").statusCode()).isEqualTo(403);

        String admin = field(login("admin").body(), "token");
        HttpResponse<String> rotated = http.send(HttpRequest.newBuilder(URI.create(portal.url("/api/auth/keys/rotation")))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rotated.statusCode()).isEqualTo(200);

        assertThat(announce("Bearer " + token, null, "SIGN-4").statusCode()).as("token from before the rotation").isEqualTo(201);
        String fresh = field(login("saxion-staff").body(), "token");
        assertThat(announce("Bearer " + fresh, null, "SIGN-5").statusCode()).as("token signed with the new key").isEqualTo(201);
    }

    @Test
    void aDisabledAccountsOpenSessionStopsAtTheGatewayAtOnce() throws Exception {
        String admin = "Bearer " + field(login("admin").body(), "token");
        HttpResponse<String> created = send(admin, "POST", "/api/users", """
                {"id": "saxion-leaver", "name": "Leaves Saxion", "organisation": "saxion",
                 "roles": ["INSTITUTION_STAFF"], "password": "%s"}""".formatted(DEMO_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> login = login("saxion-leaver");
        String token = field(login.body(), "token");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(announce("Bearer " + token, null, "LEAVE-1").statusCode()).isEqualTo(201);

        assertThat(send(admin, "PATCH", "/api/users/saxion-leaver", "{\"enabled\": false}").statusCode()).isEqualTo(200);
        for (HttpResponse<String> refused : List.of(announce("Bearer " + token, null, "LEAVE-2"), announce(null, cookie, "LEAVE-3"))) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body()).contains("session has ended");
        }
        // The service itself refuses it too, once it has read the portal's ended sessions (every second here, 5 s by
        // default): a request that does not come through the portal is no way around it.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(announceAt(announcements.url("/api/announcements"), "Bearer " + token, null, "LEAVE-4").statusCode())
                        .isEqualTo(401));
        assertThat(announceAt(announcements.url("/api/announcements"), "Bearer " + field(login("saxion-staff").body(), "token"),
                null, "LEAVE-5").statusCode()).as("other users' sessions go on").isEqualTo(201);
    }

    @Test
    void wrongPasswordIsUnauthorisedAsProblemJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.url("/api/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"hu-staff\",\"password\":\"nope\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private HttpResponse<String> login(String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal.url("/api/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String authorization, String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header("Content-Type", "application/json")
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> announce(String authorization, String cookie, String reference) throws Exception {
        return announceAt(portal.url("/api/announcements"), authorization, cookie, reference);
    }

    /** An announcement sent to {@code url} (the gateway's, or the service's own), by bearer token or cookie. */
    private HttpResponse<String> announceAt(String url, String authorization, String cookie, String reference) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"reference": "%s", "institution": "saxion",
                         "programme": {"name": "Smart Media Production", "level": "ASSOCIATE_DEGREE",
                                       "orientation": "HBO", "isatCode": "80179", "forms": ["VOLTIJD"],
                                       "language": "nl", "studyLoadEc": 120, "durationYears": 2},
                         "candidateLocations": ["Enschede"], "intendedStart": "2030-09"}""".formatted(reference)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
