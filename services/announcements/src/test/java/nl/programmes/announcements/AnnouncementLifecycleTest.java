package nl.programmes.announcements;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Topics;
import nl.programmes.kit.config.BusinessCalendar;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The announcement lifecycle as the demo case lives it: amend, submit for Enschede only, review, withdraw. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncementLifecycleTest implements TestPropertyProvider {

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final String saxion = TestPlatform.get().tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties();
    }

    @Test
    void amendmentCarriesOldAndNewValuesAndBumpsTheETag() {
        String id = announce("LC-001");

        HttpResponse<Map> amended = http.toBlocking().exchange(patch(id, "\"1\"",
                Map.of("candidateLocations", List.of("Enschede", "Deventer"), "intendedStart", "2031-02")), Map.class);

        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(amended.body().get("candidateLocations")).isEqualTo(List.of("Enschede", "Deventer"));
        EventProbe.Published event = eventOfType(id, "nl.programmes.announcement.amended.v1");
        assertThat(event.body())
                .contains("\"candidateLocations\":{\"before\":[\"Enschede\",\"Deventer\",\"Apeldoorn\"],\"after\":[\"Enschede\",\"Deventer\"]}")
                .contains("\"intendedStart\":{\"before\":\"2030-09\",\"after\":\"2031-02\"}")
                .doesNotContain("\"forms\":{");
    }

    @Test
    void amendWithAStaleETagFailsAndWritesNothing() {
        String id = announce("LC-002");
        http.toBlocking().exchange(patch(id, "\"1\"", Map.of("summary", "first edit")), Map.class);
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");

        HttpClientResponseException stale = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(patch(id, "\"1\"", Map.of("summary", "second edit")), Map.class));

        assertThat(stale.getStatus().getCode()).isEqualTo(412);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
        Map<?, ?> current = get(id);
        assertThat(current.get("summary")).isEqualTo("first edit");
    }

    @Test
    void amendWithoutIfMatchIsRefused() {
        String id = announce("LC-003");
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.PATCH("/api/announcements/" + id, Map.of("summary", "x"))
                        .bearerAuth(saxion), Map.class));
        assertThat(missing.getStatus().getCode()).isEqualTo(428);
    }

    @Test
    void onlyTheAnnouncingInstitutionMayAmend() {
        String id = announce("LC-004");
        String han = TestPlatform.get().tokens().mint("han-staff", "han", "INSTITUTION_STAFF");
        HttpClientResponseException denied = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.PATCH("/api/announcements/" + id, Map.of("summary", "x"))
                        .header("If-Match", "\"1\"").bearerAuth(han), Map.class));
        assertThat(denied.getStatus().getCode()).isEqualTo(403);
        assertThat(get(id).get("version")).isEqualTo(1);
    }

    @Test
    void applicationForEnschedeOnlyNarrowsTheCandidatesAndReviewApprovesIt() {
        String id = announce("A24-056");

        Map<?, ?> submitted = http.toBlocking().retrieve(HttpRequest.POST("/api/announcements/" + id + "/application",
                Map.of("submittedOn", "2025-03-26", "locations", List.of("Enschede"), "forms", List.of("VOLTIJD", "DEELTIJD")))
                .bearerAuth(saxion), Map.class);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("candidateLocations")).isEqualTo(List.of("Enschede"));
        assertThat(eventOfType(id, "nl.programmes.announcement.application-submitted.v1").body())
                .contains("\"submittedOn\":\"2025-03-26\"").contains("\"locations\":[\"Enschede\"]");

        // A decision dated in the future (2052 typed for 2025) is refused, naming the field, and changes nothing.
        String tomorrow = LocalDate.now(BusinessCalendar.NETHERLANDS).plusDays(1).toString();
        HttpClientResponseException typo = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/announcements/" + id + "/review-outcome",
                        Map.of("advice", "POSITIVE", "adviceDate", tomorrow, "decision", "APPROVED", "decisionDate", "2052-07-15"))
                        .bearerAuth(saxion), Map.class));
        assertThat(typo.getStatus().getCode()).isEqualTo(422);
        assertThat(typo.getResponse().getBody(String.class).orElseThrow())
                .contains("{\"field\":\"adviceDate\",\"message\":\"must not be in the future\"}")
                .contains("{\"field\":\"decisionDate\",\"message\":\"must not be in the future\"}");
        assertThat(get(id).get("status")).isEqualTo("SUBMITTED");
        // With the advice left out too (malformed: 400), the dates' mistakes come in the same answer.
        HttpClientResponseException twoKinds = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/announcements/" + id + "/review-outcome",
                        Map.of("adviceDate", "2025-07-20", "decision", "APPROVED", "decisionDate", "2052-07-15"))
                        .bearerAuth(saxion), Map.class));
        assertThat(twoKinds.getStatus().getCode()).isEqualTo(400);
        assertThat(twoKinds.getResponse().getBody(String.class).orElseThrow())
                .contains("{\"field\":\"advice\",\"message\":\"must not be blank\"}")
                .contains("{\"field\":\"decisionDate\",\"message\":\"must not be in the future\"}");
        assertThat(get(id).get("status")).isEqualTo("SUBMITTED");

        Map<?, ?> reviewed = http.toBlocking().retrieve(HttpRequest.POST("/api/announcements/" + id + "/review-outcome",
                Map.of("advice", "POSITIVE", "adviceDate", "2025-06-20", "decision", "APPROVED", "decisionDate", "2025-07-15"))
                .bearerAuth(saxion), Map.class);
        assertThat(reviewed.get("status")).isEqualTo("APPROVED");

        List<Map> history = http.toBlocking().retrieve(HttpRequest.GET("/api/announcements/" + id + "/history")
                .bearerAuth(saxion), Argument.listOf(Map.class));
        assertThat(history).extracting(h -> h.get("type")).containsExactly(
                "nl.programmes.announcement.announced.v1", "nl.programmes.announcement.application-submitted.v1",
                "nl.programmes.announcement.review-outcome-recorded.v1");
        assertThat(history).allSatisfy(h -> assertThat(List.of(h.get("actorUser"), h.get("actorName")))
                .containsExactly("saxion-staff", "saxion-staff (test)"));
    }

    @Test
    void applicationMustBeASubsetOfTheCandidates() {
        String id = announce("LC-005");
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/announcements/" + id + "/application",
                        Map.of("submittedOn", "2025-03-26", "locations", List.of("Enschede", "Zwolle"), "forms", List.of("DUAAL")))
                        .bearerAuth(saxion), Map.class));
        assertThat(error.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(error)).containsExactlyInAnyOrder("forms[0]", "locations[1]");
    }

    @Test
    void withdrawnAnnouncementCannotChangeAnyMore() {
        String id = announce("LC-006");
        Map<?, ?> withdrawn = http.toBlocking().retrieve(HttpRequest.POST("/api/announcements/" + id + "/withdrawal",
                Map.of("reason", "Merged into an existing Bachelor")).bearerAuth(saxion), Map.class);
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(patch(id, "\"2\"", Map.of("summary", "too late")), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(422);
        assertThat(fields(error)).containsExactly("status");
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void listFiltersByInstitutionStatusLocationAndStartYear() {
        announce("LS-001");
        String other = announce("LS-002");
        http.toBlocking().exchange(HttpRequest.POST("/api/announcements/" + other + "/withdrawal",
                Map.of("reason", "test")).bearerAuth(saxion), Map.class);

        Map<?, ?> page = http.toBlocking().retrieve(HttpRequest.GET(
                "/api/announcements?institution=saxion&status=WITHDRAWN&location=Apeldoorn&startYear=2030&size=50")
                .bearerAuth(saxion), Map.class);

        List<?> items = (List<?>) page.get("items");
        assertThat(items).extracting(i -> (Object) ((Map<?, ?>) i).get("id")).contains(other);
        assertThat(items).allSatisfy(i -> assertThat(((Map<?, ?>) i).get("status")).isEqualTo("WITHDRAWN"));

        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/announcements?status=PENDING&size=0")
                        .bearerAuth(saxion), Map.class));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
        assertThat(fields(bad)).contains("status", "size");

        // Searched by reference, in any case, or by words of the programme's name; a % typed is looked for as itself.
        Map<?, ?> byReference = http.toBlocking().retrieve(HttpRequest.GET("/api/announcements?q=%20ls-001%20").bearerAuth(saxion), Map.class);
        assertThat((List<?>) byReference.get("items")).singleElement()
                .satisfies(i -> assertThat(((Map<?, ?>) i).get("reference")).isEqualTo("LS-001"));
        Map<?, ?> byName = http.toBlocking().retrieve(HttpRequest.GET("/api/announcements?q=media%20PROD&size=200").bearerAuth(saxion), Map.class);
        assertThat((List<?>) byName.get("items")).extracting(i -> (Object) ((Map<?, ?>) i).get("id")).contains(other);
        assertThat((List<?>) byName.get("items")).allSatisfy(i -> assertThat(((Map<?, ?>) ((Map<?, ?>) i).get("programme")).get("name"))
                .asString().containsIgnoringCase("media prod"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/announcements?q=%25").bearerAuth(saxion), Map.class).get("total"))
                .isEqualTo(0);

        // A value the framework cannot read (startYear, page) stops its reading at the first; all are named anyway.
        HttpClientResponseException mixed = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/announcements?status=PENDING&startYear=twintig&size=0&page=x")
                        .bearerAuth(saxion), Map.class));
        assertThat(mixed.getStatus().getCode()).isEqualTo(400);
        assertThat(fields(mixed)).containsExactly("page", "size", "startYear", "status");
    }

    private String announce(String reference) {
        HttpResponse<Map> response = http.toBlocking().exchange(HttpRequest.POST("/api/announcements",
                smartMediaProduction(reference)).bearerAuth(saxion), Map.class);
        return (String) response.body().get("id");
    }

    private Map<?, ?> get(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/announcements/" + id).bearerAuth(saxion), Map.class);
    }

    private MutableHttpRequest<?> patch(String id, String etag, Map<String, Object> body) {
        return HttpRequest.PATCH("/api/announcements/" + id, body).header("If-Match", etag).bearerAuth(saxion);
    }

    private EventProbe.Published eventOfType(String id, String type) {
        return TestPlatform.eventually().until(() -> EventProbe.readAll(TestPlatform.get().bootstrapServers(),
                        announcements.topic(Topics.PROGRAMME_ANNOUNCEMENTS)).stream()
                .filter(p -> p.key().equals(id) && p.event().type().equals(type)).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private static List<String> fields(HttpClientResponseException error) {
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        return ((List<?>) problem.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }
}
