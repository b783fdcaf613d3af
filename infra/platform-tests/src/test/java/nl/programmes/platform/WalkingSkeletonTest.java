package nl.programmes.platform;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path with real parts: an announcement accepted over HTTP by the announcements service,
 * written with its outbox row, published to Kafka, consumed by the overview and readable from its API.
 * Each service runs in its own JVM from its build output, as in the local runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService announcements;
    private RunningService overview;

    @BeforeAll
    void startServices() {
        Path root = Path.of(System.getProperty("platform.root"));
        Map<String, ServiceUnderTest> slices = TestPlatform.get().services("announcements", "overview");
        CompletableFuture<RunningService> announcing = CompletableFuture.supplyAsync(
                () -> RunningService.start(slices.get("announcements"), root));
        overview = RunningService.start(slices.get("overview"), root);
        announcements = announcing.join();
    }

    @AfterAll
    void stopServices() {
        if (announcements != null) {
            announcements.close();
        }
        if (overview != null) {
            overview.close();
        }
    }

    @Test
    void announcementAcceptedByOneServiceIsReadableFromTheOverview() throws Exception {
        String token = TestPlatform.get().tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(announcements.url("/api/announcements")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"reference": "A24-056", "institution": "saxion",
                         "programme": {"name": "Smart Media Production", "level": "ASSOCIATE_DEGREE",
                                       "orientation": "HBO", "isatCode": "80179", "forms": ["VOLTIJD", "DEELTIJD"],
                                       "language": "nl", "studyLoadEc": 120, "durationYears": 2},
                         "candidateLocations": ["Enschede", "Deventer", "Apeldoorn"],
                         "intendedStart": "2030-09"}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();

        HttpResponse<String> shown = TestPlatform.eventually().until(() -> http.send(
                HttpRequest.newBuilder(URI.create(overview.url("/api/overview/announcements/" + id.group(1))))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() == 200);

        assertThat(shown.body()).contains("\"reference\":\"A24-056\"")
                .contains("\"candidateLocations\":[\"Enschede\",\"Deventer\",\"Apeldoorn\"]")
                .contains("\"announcedBy\":\"saxion\"");
    }
}
