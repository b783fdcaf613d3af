package nl.programmes.announcements;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.KafkaCloudEvents;
import nl.programmes.events.Topics;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static nl.programmes.announcements.AnnouncementRequests.programmeOf;
import static nl.programmes.announcements.AnnouncementRequests.smartMediaProduction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnounceProgrammeTest implements TestPropertyProvider {

    private final ServiceUnderTest announcements = TestPlatform.get().service("announcements");
    private final String saxionStaff = TestPlatform.get().tokens().mint("saxion-staff", "saxion", "INSTITUTION_STAFF");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Inject
    io.micronaut.json.JsonMapper jsonMapper;

    @Override
    public Map<String, String> getProperties() {
        return announcements.properties();
    }

    @Test
    void announcementIsStoredAndPublishedAsCloudEvent() {
        HttpResponse<Map> response = http.toBlocking().exchange(
                post(smartMediaProduction("A24-056"), saxionStaff), Map.class);

        assertThat(response.code()).isEqualTo(HttpStatus.CREATED.getCode());
        String id = (String) response.body().get("id");
        assertThat(response.header("Location")).isEqualTo("/api/announcements/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");

        Map<?, ?> readBack = http.toBlocking().retrieve(
                HttpRequest.GET("/api/announcements/" + id).bearerAuth(saxionStaff), Map.class);
        assertThat(readBack.get("reference")).isEqualTo("A24-056");
        assertThat(readBack.get("candidateLocations")).isEqualTo(List.of("Enschede", "Deventer", "Apeldoorn"));
        assertThat(readBack.get("status")).isEqualTo("ANNOUNCED");

        EventProbe.Published event = EventProbe.awaitKey(TestPlatform.get().bootstrapServers(),
                announcements.topic(Topics.PROGRAMME_ANNOUNCEMENTS), id);
        assertThat(event.header(KafkaCloudEvents.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(event.event().type()).isEqualTo("nl.programmes.announcement.announced.v1");
        assertThat(event.event().source()).isEqualTo("/services/announcements");
        assertThat(event.event().subject()).isEqualTo(id);
        assertThat(event.header(KafkaCloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(event.body())
                .contains("\"reference\":\"A24-056\"")
                .contains("\"isatCode\":\"80179\"")
                .contains("\"actor\":{\"userId\":\"saxion-staff\",\"displayName\":\"saxion-staff (test)\",\"organisationId\":\"saxion\"}");
    }

    @Test
    void malformedRequestNamesEveryBadFieldAndWritesNothing() {
        long rowsBefore = announcements.count("SELECT COUNT(*) FROM announcement");
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");
        Map<String, Object> body = smartMediaProduction("A24-900");
        programmeOf(body).put("level", "DOCTORATE");
        programmeOf(body).put("isatCode", "8017");
        programmeOf(body).put("studyLoadEc", -5);
        body.put("candidateLocations", List.of());
        body.put("intendedStart", "September 2026");

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(body, saxionStaff), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        Map<?, ?> problem = error.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem.get("status")).isEqualTo(400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("programme.level", "programme.isatCode",
                "programme.studyLoadEc", "candidateLocations", "intendedStart");
        assertThat(announcements.count("SELECT COUNT(*) FROM announcement")).isEqualTo(rowsBefore);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void aMalformedFieldAndBrokenRulesAreNamedInOneAnswer() {
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");
        Map<String, Object> body = smartMediaProduction("A24-908");
        programmeOf(body).put("name", " ");
        programmeOf(body).put("forms", List.of("BOL", "VOLTIJD"));
        body.put("candidateLocations", List.of("Enschede", "Deventer", "Enschede "));
        body.put("intendedStart", "2020-09");

        // The blank name alone is malformed (400); the rest are the domain's rules, which a well-formed request
        // meets as a 422. The form learns of all four at once, not the domain's only once the name is mended.
        assertThat(problemOf(body)).containsExactly(
                Map.of("field", "candidateLocations", "message", "must not name a municipality twice"),
                Map.of("field", "intendedStart", "message", "must not be in the past (it is " + java.time.YearMonth.now(
                        java.time.ZoneId.of("Europe/Amsterdam")) + " now)"),
                Map.of("field", "programme.forms[0]", "message", "BOL is an mbo form; use VOLTIJD, DEELTIJD or DUAAL"),
                Map.of("field", "programme.name", "message", "must not be blank"));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);

        // A part its constraint refuses is named once, by that constraint, not again by a rule that reads it.
        Map<String, Object> mbo = smartMediaProduction("A24-909");
        programmeOf(mbo).put("name", "");
        programmeOf(mbo).put("orientation", "MBO");
        programmeOf(mbo).put("level", "MBO_4");
        programmeOf(mbo).put("isatCode", "8017");
        assertThat(problemOf(mbo)).containsExactly(
                Map.of("field", "programme.crebo", "message", "is required for an mbo programme"),
                Map.of("field", "programme.forms[0]", "message", "VOLTIJD is not an mbo form (use BOL or BBL)"),
                Map.of("field", "programme.forms[1]", "message", "DEELTIJD is not an mbo form (use BOL or BBL)"),
                Map.of("field", "programme.isatCode", "message", "must be a CROHO/ISAT code of 5 digits"),
                Map.of("field", "programme.name", "message", "must not be blank"));
    }

    @Test
    void aValueOfTheWrongKindIsNamedByItsFieldAndWritesNothing() throws Exception {
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");
        Map<String, Object> wordsForANumber = smartMediaProduction("A24-905");
        programmeOf(wordsForANumber).put("studyLoadEc", "120 EC");
        Map<String, Object> textForAList = smartMediaProduction("A24-906");
        textForAList.put("candidateLocations", List.of(Map.of("municipality", "Enschede")));

        assertThat(problemOf(wordsForANumber)).containsExactly(Map.of("field", "programme.studyLoadEc", "message", "must be a whole number"));
        assertThat(problemOf(textForAList)).containsExactly(Map.of("field", "candidateLocations[0]", "message", "must be text"));
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);

        // Unreadable values, a blank name and a start in the past: every mistake in one answer, each named once.
        Map<String, Object> everything = smartMediaProduction("A24-908");
        programmeOf(everything).put("studyLoadEc", "120 EC");
        programmeOf(everything).put("durationYears", "twee");
        programmeOf(everything).put("forms", List.of("VOLTIJD", "AVOND"));
        programmeOf(everything).put("name", " ");
        everything.put("intendedStart", "2020-09");
        List<Map<String, String>> allFive = List.of(
                Map.of("field", "intendedStart", "message", "must not be in the past (it is " + YearMonth.now(ZoneId.of("Europe/Amsterdam")) + " now)"),
                Map.of("field", "programme.durationYears", "message", "must be a number"),
                Map.of("field", "programme.forms[1]", "message", "must be one of VOLTIJD|DEELTIJD|DUAAL|BOL|BBL"),
                Map.of("field", "programme.name", "message", "must not be blank"),
                Map.of("field", "programme.studyLoadEc", "message", "must be a whole number"));
        assertThat(problemOf(everything)).containsExactlyElementsOf(allFive);
        // The same body arriving in two pieces, as over a slow network: the framework reads it all, and so does the answer.
        assertThat(problemArrivingInPieces(everything)).containsExactlyElementsOf(allFive);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);

        HttpClientResponseException notJson = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/announcements", "{\"reference\": \"A24-907\",").contentType("application/json")
                        .bearerAuth(saxionStaff), Map.class));
        assertThat(notJson.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(notJson.getResponse().getBody(Map.class).orElseThrow().get("detail")).isEqualTo(
                "The body is not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 25)");
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    /** The errors of a 400 to a body sent in two chunks, the second a moment after the first. */
    private List<Object> problemArrivingInPieces(Map<String, Object> body) throws Exception {
        byte[] json = jsonMapper.writeValueAsBytes(body);
        int half = json.length / 2;
        java.io.InputStream slow = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(json, 0, half),
                new java.io.InputStream() {
                    private java.io.InputStream rest;

                    @Override
                    public int read() throws java.io.IOException {
                        if (rest == null) {
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            rest = new java.io.ByteArrayInputStream(json, half, json.length - half);
                        }
                        return rest.read();
                    }
                });
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(server.getURI().resolve("/api/announcements")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + saxionStaff)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> slow)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return List.copyOf((List<?>) jsonMapper.readValue(response.body(), Map.class).get("errors"));
    }

    private List<Object> problemOf(Map<String, Object> body) {
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(body, saxionStaff), Map.class));
        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        return List.copyOf((List<?>) error.getResponse().getBody(Map.class).orElseThrow().get("errors"));
    }

    @Test
    void mboFormsOnAnHboProgrammeBreakARule() {
        Map<String, Object> body = smartMediaProduction("A24-901");
        programmeOf(body).put("forms", List.of("BOL", "VOLTIJD"));

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(body, saxionStaff), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(fields(error.getResponse().getBody(Map.class).orElseThrow())).containsExactly("programme.forms[0]");
    }

    @Test
    void startInThePastIsRefused() {
        Map<String, Object> body = smartMediaProduction("A24-902");
        body.put("intendedStart", "2020-09");

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(body, saxionStaff), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(fields(error.getResponse().getBody(Map.class).orElseThrow())).containsExactly("intendedStart");
    }

    @Test
    void duplicateReferenceOfTheSameInstitutionIsRefused() {
        http.toBlocking().exchange(post(smartMediaProduction("A24-057"), saxionStaff), Map.class);
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(smartMediaProduction("A24-057"), saxionStaff), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(fields(error.getResponse().getBody(Map.class).orElseThrow())).containsExactly("reference");
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    /** A retry after a timeout, with the key the first attempt carried: the announcement it made, not a refusal. */
    @Test
    void anAnnouncementSentAgainWithItsIdempotencyKeyIsAnsweredAsTheFirstTime() {
        long outboxBefore = announcements.count("SELECT COUNT(*) FROM outbox");
        HttpResponse<Map> first = http.toBlocking().exchange(post(smartMediaProduction("A24-058"), saxionStaff)
                .header("Idempotency-Key", "announce-a24-058"), Map.class);
        HttpResponse<Map> retried = http.toBlocking().exchange(post(smartMediaProduction("A24-058"), saxionStaff)
                .header("Idempotency-Key", "announce-a24-058"), Map.class);

        assertThat(retried.code()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retried.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(announcements.count("SELECT COUNT(*) FROM announcement WHERE reference = 'A24-058'")).isEqualTo(1);
        assertThat(announcements.count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore + 1);
    }

    @Test
    void anotherInstitutionCannotAnnounceForSaxion() {
        String hanStaff = TestPlatform.get().tokens().mint("han-staff", "han", "INSTITUTION_STAFF");
        long rowsBefore = announcements.count("SELECT COUNT(*) FROM announcement");

        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post(smartMediaProduction("A24-903"), hanStaff), Map.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(error.getResponse().getBody(Map.class).orElseThrow().get("detail"))
                .isEqualTo("han may not announce programmes for saxion");
        assertThat(announcements.count("SELECT COUNT(*) FROM announcement")).isEqualTo(rowsBefore);
    }

    @Test
    void missingOrUntrustedTokensAreUnauthorised() {
        Map<String, Object> body = smartMediaProduction("A24-904");
        var tokens = TestPlatform.get().tokens();
        for (String token : List.of("", tokens.expired("saxion-staff", "saxion", "INSTITUTION_STAFF"),
                tokens.signedByStranger("saxion-staff", "saxion", "INSTITUTION_STAFF"))) {
            HttpRequest<?> request = token.isEmpty() ? HttpRequest.POST("/api/announcements", body)
                    : post(body, token);
            HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request, Map.class));
            assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }
    }

    @Test
    void healthAndMetricsAreOpenToProbes() {
        Map<?, ?> health = http.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        assertThat(health.get("status")).isEqualTo("UP");

        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
        assertThat(metrics).contains("outbox_unsent").contains("outbox_published_total");

        String openApi = http.toBlocking().retrieve(HttpRequest.GET("/swagger/announcements-0.1.yml"), String.class);
        assertThat(openApi).contains("/api/announcements/{id}/application").contains("/api/offerings/import").contains("name: Idempotency-Key");
    }

    private static io.micronaut.http.MutableHttpRequest<?> post(Map<String, Object> body, String token) {
        return HttpRequest.POST("/api/announcements", body).bearerAuth(token);
    }

    private static List<String> fields(Map<?, ?> problem) {
        return ((List<?>) problem.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
    }
}
