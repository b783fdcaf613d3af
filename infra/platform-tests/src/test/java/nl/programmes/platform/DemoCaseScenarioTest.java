package nl.programmes.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import nl.programmes.runtime.DemoLoader;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole demo case, end to end: every service in its own JVM on the test kit's broker and
 * database, the demo loaded through the public API as the demo users, and the overview asserted as a
 * steering committee member would read it: the objection matrix of A24-056 before and after the
 * application for Enschede only, the regional pages, and the timeline's order and sentences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class DemoCaseScenarioTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = ObjectMapper.getDefault();
    private AllServices platform;
    private String portal;
    private String token;

    @BeforeAll
    void startEveryService() {
        platform = AllServices.start();
        portal = platform.portal();
    }

    @AfterAll
    void stopEveryService() {
        platform.close();
    }

    @Test
    void theSaxionCaseToldByTheOverview() throws Exception {
        DemoLoader loader = new DemoLoader(portal);
        DemoLoader.Loaded loaded = loader.loadUntilApplication();
        token = platform.token("stuurgroep-ad-ci-member");
        String id = loaded.smartMediaProduction();

        Map<String, Object> before = TestPlatform.eventually().until(() -> get("/api/overview/announcements/" + id),
                m -> rows(m).size() == 4 && rows(m).stream().allMatch(r -> ((List<?>) r.get("cells")).stream()
                        .noneMatch(c -> "AWAITING".equals(((Map<?, ?>) c).get("position")))) && !((List<?>) m.get("decisions")).isEmpty());
        assertThat(cells(before, "han")).isEqualTo(Map.of("Enschede", "NO_OBJECTION preferred", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "NO_OBJECTION"));
        assertThat(cells(before, "hu")).isEqualTo(Map.of("Enschede", "NO_OBJECTION", "Deventer", "NO_OBJECTION",
                "Apeldoorn", "OBJECTION provisional"));
        assertThat(rows(before).stream().filter(r -> r.get("organisation").equals("bestuurlijk-overleg-oost")).toList())
                .hasSize(2).allSatisfy(r -> assertThat(describe((List<?>) r.get("cells")))
                        .isEqualTo(Map.of("Enschede", "NOTED", "Deventer", "NOTED", "Apeldoorn", "NOTED")));
        assertThat(((List<Map<String, Object>>) before.get("decisions"))).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("decision", "ENDORSED").containsEntry("committee", "stuurgroep-ad-ci"));

        loader.submitApplicationForEnschede(id);
        Map<String, Object> after = TestPlatform.eventually().until(() -> get("/api/overview/announcements/" + id),
                m -> "SUBMITTED".equals(m.get("status")));
        assertThat(after.get("candidateLocations")).isEqualTo(List.of("Enschede"));
        assertThat(after.get("droppedLocations")).isEqualTo(List.of("Deventer", "Apeldoorn"));
        assertThat(cells(after, "han")).isEqualTo(Map.of("Enschede", "NO_OBJECTION preferred"));
        assertThat(cells(after, "hu")).isEqualTo(Map.of("Enschede", "NO_OBJECTION"));

        Map<String, Object> overijssel = get("/api/overview/regions/Overijssel");
        assertThat(intendedIn(overijssel, "Enschede")).contains("A24-056");
        Map<String, Object> gelderland = get("/api/overview/regions/Gelderland");
        assertThat(intendedIn(gelderland, "Apeldoorn")).doesNotContain("A24-056");
        Map<String, Object> utrecht = get("/api/overview/regions/Utrecht");
        assertThat(utrecht.toString()).contains("Ad Online Contentcreator").contains("Ad Design/Digital Media");
        Map<String, Object> limburg = get("/api/overview/regions/Limburg");
        assertThat(limburg.toString()).contains("2021=<5");

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) TestPlatform.eventually().until(
                () -> get("/api/timeline?order=oldest&announcement=" + id).get("entries"), e -> ((List<?>) e).size() >= 12);
        List<String> dated = timeline.stream().map(l -> (String) l.get("occurredOn")).filter(d -> d.startsWith("202"))
                .filter(d -> d.compareTo("2025-12-31") < 0).distinct().toList();
        assertThat(dated).containsExactly("2024-09-12", "2024-09-16", "2024-11-12", "2024-12-03", "2024-12-10", "2025-03-26");
        assertThat(timeline).extracting(l -> (String) l.get("textNl")).contains(
                "Hogeschool Utrecht: geen bezwaar voor Enschede en Deventer; bezwaar (voorlopig) op grond van concurrentie om studenten voor Apeldoorn.",
                "Saxion Hogeschool dient de aanvraag in voor Enschede (voltijd, deeltijd).");

        DemoLoader.Loaded again = new DemoLoader(portal).load();
        assertThat(again.alreadyThere()).isTrue();
    }

    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    private static List<Map<String, Object>> rows(Map<String, Object> matrix) {
        return (List<Map<String, Object>>) matrix.get("rows");
    }

    private static Map<String, String> cells(Map<String, Object> matrix, String organisation) {
        return describe((List<?>) rows(matrix).stream().filter(r -> organisation.equals(r.get("organisation")))
                .findFirst().orElseThrow().get("cells"));
    }

    private static Map<String, String> describe(List<?> cells) {
        return cells.stream().map(c -> (Map<?, ?>) c).collect(Collectors.toMap(c -> (String) c.get("location"),
                c -> c.get("position") + (Boolean.TRUE.equals(c.get("provisional")) ? " provisional" : "")
                        + (Boolean.TRUE.equals(c.get("preferred")) ? " preferred" : "")));
    }

    private static List<String> intendedIn(Map<String, Object> region, String municipality) {
        return ((List<Map<String, Object>>) region.get("municipalities")).stream()
                .filter(m -> municipality.equals(m.get("municipality")))
                .flatMap(m -> ((List<Map<String, Object>>) m.get("intended")).stream())
                .map(i -> (String) i.get("reference")).toList();
    }
}
